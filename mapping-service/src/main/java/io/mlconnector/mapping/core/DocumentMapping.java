package io.mlconnector.mapping.core;

import io.mlconnector.events.CostDocument;
import io.mlconnector.events.VendorLink;
import io.mlconnector.mapping.rules.MappingRuleRepository;
import io.mlconnector.mapping.rules.VendorLinkRepository;
import io.mlconnector.mapping.validation.CachedBcReferenceData;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Gathers what {@link CostDocumentMapper} needs for one document (rules and vendor link from MongoDB, BC reference
 * data from the cache) without blocking, then runs the pure mapper. A document that is skipped or unsupported whatever
 * the mapping says is decided before anything is read.
 */
public final class DocumentMapping {
    private final CostDocumentMapper mapper;
    private final MappingRuleRepository rules;
    private final VendorLinkRepository vendorLinks;
    private final CachedBcReferenceData bc;

    public DocumentMapping(CostDocumentMapper mapper, MappingRuleRepository rules, VendorLinkRepository vendorLinks,
                           CachedBcReferenceData bc) {
        this.mapper = mapper;
        this.rules = rules;
        this.vendorLinks = vendorLinks;
        this.bc = bc;
    }

    public Mono<MappingOutcome> map(CostDocument document) {
        return Mono.defer(() -> {
            Optional<MappingOutcome> decided = mapper.decidedWithoutInputs(document);
            if (decided.isPresent()) {
                return Mono.just(decided.get());
            }
            String tenantId = document.getTenantId();
            Mono<Optional<VendorLink>> link = document.getVendor() == null ? Mono.just(Optional.empty())
                    : vendorLinks.link(tenantId, document.getVendor().getId()).map(Optional::of)
                            .defaultIfEmpty(Optional.empty());
            return Mono.zip(rules.ruleSet(tenantId), link).flatMap(found -> bc.withSnapshot(tenantId,
                    view -> mapper.map(document, new MappingInputs(found.getT1(), found.getT2(), view))));
        });
    }
}
