package io.mlconnector.vendorsync.vendor;

import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.UpdatedSince;
import io.mlconnector.procore.model.ProcoreVendor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The company's Procore vendors, active and inactive (Procore lists them apart, REST reference: vendors). */
record ProcoreDirectory(List<ProcoreVendor> vendors, Map<String, ProcoreVendor> byOriginId) {

    static Mono<ProcoreDirectory> read(ProcoreClient procore) {
        return Flux.concat(procore.vendors(UpdatedSince.everything()), procore.inactiveVendors())
                .collectList()
                .map(ProcoreDirectory::of);
    }

    static ProcoreDirectory of(List<ProcoreVendor> vendors) {
        return new ProcoreDirectory(List.copyOf(vendors), vendors.stream()
                .filter(v -> v.originId() != null && !v.originId().isBlank())
                .collect(Collectors.toMap(v -> key(v.originId()), Function.identity(), (a, b) -> a)));
    }

    Optional<ProcoreVendor> withOriginId(String originId) {
        return Optional.ofNullable(byOriginId.get(key(originId)));
    }

    /** Vendors a person created in Procore: no origin_id, so no integration owns them. */
    List<ProcoreVendor> handMade() {
        return vendors.stream().filter(v -> v.originId() == null || v.originId().isBlank()).toList();
    }

    Optional<ProcoreVendor> handMadeNamed(String name) {
        return handMade().stream().filter(v -> VendorNames.same(name, v.name())).findFirst();
    }

    /** Vendors carrying an origin_id (linked by an integration) whose name is the same as {@code name}. */
    List<ProcoreVendor> linkedNamed(String name) {
        return vendors.stream().filter(v -> v.originId() != null && !v.originId().isBlank())
                .filter(v -> VendorNames.same(name, v.name())).toList();
    }

    Optional<ProcoreVendor> withId(long procoreVendorId) {
        return vendors.stream().filter(v -> v.id() == procoreVendorId).findFirst();
    }

    private static String key(String originId) {
        return originId.strip().toLowerCase(Locale.ROOT);
    }
}
