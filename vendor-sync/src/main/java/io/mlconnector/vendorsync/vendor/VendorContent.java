package io.mlconnector.vendorsync.vendor;

import io.mlconnector.bc.BcVendor;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.VendorWrite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * What vendor-sync owns of a Procore company vendor, derived from the BC vendor. A null field is "not ours to
 * set" (BC has it blank): it is neither written nor compared, so a value a person typed into Procore stays.
 *
 * <p>Mapping decisions:
 * <ul>
 *   <li>{@code is_active} = not blocked "All". BC's "Payment" block stops payments only; documents can still be
 *       posted against the vendor (dynamics_vendor), so the Procore vendor stays active and costs keep flowing.</li>
 *   <li>{@code origin_id} = BC vendor id (lower-case GUID), {@code origin_code} = BC vendor number (the
 *       user-visible "External ID" in Procore, Procore docs: tutorial-financial-tools).</li>
 *   <li>{@code address} = address line 1, plus ", " + line 2 when BC has one (Procore has a single line).</li>
 *   <li>BC's taxRegistrationNumber is not written: Procore has no tax id field; its EIN lives in the separate
 *       business_register resource, which the Procore client does not offer (reported as a gap).</li>
 * </ul>
 */
public record VendorContent(String name, String originId, String originCode, boolean active, String address,
                            String city, String stateCode, String zip, String countryCode, String businessPhone,
                            String emailAddress) {

    public static VendorContent from(BcVendor v) {
        String line1 = blankToNull(v.addressLine1());
        String line2 = blankToNull(v.addressLine2());
        String address = line1 == null ? line2 : line2 == null ? line1 : line1 + ", " + line2;
        return new VendorContent(blankToNull(v.displayName()), originId(v), blankToNull(v.number()),
                !v.blocksInvoices(), address, blankToNull(v.city()), blankToNull(v.state()),
                blankToNull(v.postalCode()), blankToNull(v.country()), blankToNull(v.phoneNumber()),
                blankToNull(v.email()));
    }

    /** The same fields as Procore has them now (for comparison). */
    public static VendorContent of(ProcoreVendor p) {
        return new VendorContent(blankToNull(p.name()), blankToNull(p.originId()), blankToNull(p.originCode()),
                p.isActive(), blankToNull(p.address()), blankToNull(p.city()), blankToNull(p.stateCode()),
                blankToNull(p.zip()), blankToNull(p.countryCode()), blankToNull(p.businessPhone()),
                blankToNull(p.emailAddress()));
    }

    /** The key vendor-sync uses as Procore's origin_id: BC's SystemId GUID in lower case. */
    public static String originId(BcVendor v) {
        return v.id().toString().toLowerCase(Locale.ROOT);
    }

    /** True when Procore's current vendor lacks any value this content would write. */
    public boolean differsFrom(VendorContent current) {
        return active != current.active
                || differs(name, current.name) || differs(originId, current.originId)
                || differs(originCode, current.originCode) || differs(address, current.address)
                || differs(city, current.city) || differs(stateCode, current.stateCode) || differs(zip, current.zip)
                || differs(countryCode, current.countryCode) || differs(businessPhone, current.businessPhone)
                || differs(emailAddress, current.emailAddress);
    }

    /** SHA-256 over the written fields: equal hashes mean nothing to write. */
    public String hash() {
        String canonical = String.join("\u001f", java.util.Arrays.asList(
                name, originId, originCode, Boolean.toString(active), address, city, stateCode, zip, countryCode,
                businessPhone, emailAddress).stream().map(f -> f == null ? "\u0000" : f).toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A sync row: by Procore id when known (sending origin_id too keeps it), else upsert by origin_id. */
    public VendorWrite toWrite(Long procoreVendorId) {
        return new VendorWrite(procoreVendorId, name, null, originId, originCode, active, address, city, stateCode,
                zip, countryCode, businessPhone, emailAddress);
    }

    /** Only the active flag, for a vendor deleted in BC (Procore vendors are deactivated, never deleted). */
    public static VendorWrite deactivation(long procoreVendorId) {
        return new VendorWrite(procoreVendorId, null, null, null, null, false, null, null, null, null, null, null,
                null);
    }

    private static boolean differs(String wanted, String current) {
        return wanted != null && !Objects.equals(wanted, current);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
