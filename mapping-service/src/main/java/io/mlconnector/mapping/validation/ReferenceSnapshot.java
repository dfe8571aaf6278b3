package io.mlconnector.mapping.validation;

import io.mlconnector.bc.BcDimension;
import io.mlconnector.bc.BcVendor;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Everything the mapping needs from one BC company, read at one moment. */
public final class ReferenceSnapshot {
    private final Map<String, GlAccount> accounts = new HashMap<>();
    private final Map<String, KnownDimensionValues> dimensions;
    private final Map<String, BcVendor> vendorsById = new HashMap<>();
    private final Map<String, BcVendor> vendorsByNumber = new HashMap<>();
    private final Instant loadedAt;

    public ReferenceSnapshot(Collection<GlAccount> accounts, Collection<BcDimension> dimensions,
                             Collection<BcVendor> vendors, Instant loadedAt) {
        accounts.forEach(account -> this.accounts.put(norm(account.number()), account));
        this.dimensions = KnownDimensionValues.index(dimensions);
        vendors.forEach(vendor -> {
            if (vendor.id() != null) vendorsById.put(norm(vendor.id().toString()), vendor);
            if (vendor.number() != null) vendorsByNumber.put(norm(vendor.number()), vendor);
        });
        this.loadedAt = loadedAt;
    }

    public Optional<GlAccount> account(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(accounts.get(norm(number)));
    }

    public Optional<KnownDimensionValues> dimension(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(dimensions.get(norm(code)));
    }

    public Optional<BcVendor> vendorById(String id) {
        // GUIDs compare case-insensitively; Procore's origin_id keeps whatever case was written.
        return id == null ? Optional.empty() : Optional.ofNullable(vendorsById.get(norm(id)));
    }

    public Optional<BcVendor> vendorByNumber(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(vendorsByNumber.get(norm(number)));
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    private static String norm(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
