package io.mlconnector.mapping.core;

import io.mlconnector.events.VendorLink;
import io.mlconnector.mapping.rules.MappingRuleSet;
import io.mlconnector.mapping.validation.BcReferenceData;
import java.util.Optional;

/**
 * What {@link CostDocumentMapper} maps one document with: the tenant's rule set, the link of the document's Procore
 * vendor (empty when it has none or the document has no vendor) and an in-memory view of the tenant's BC reference
 * data.
 */
public record MappingInputs(MappingRuleSet ruleSet, Optional<VendorLink> vendorLink, BcReferenceData bc) {
}
