package io.mlconnector.vendorsync.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VendorNamesTest {

    @Test
    void sameNameDespiteCaseSpacesApostrophesAndUnicodeForms() {
        assertThat(VendorNames.same("O\u2019Brien E\u0301lectrique", "  o'brien  \u00c9LECTRIQUE ")).isTrue();
        assertThat(VendorNames.same("Stra\u00dfenbau GmbH", "STRASSENBAU GMBH")).isTrue();
        assertThat(VendorNames.same("\uff21pex Concrete", "Apex\u00a0Concrete")).isTrue(); // full-width A, no-break space
        assertThat(VendorNames.same("O'Brien Electric", "OBrien Electric")).isFalse();
        assertThat(VendorNames.same("Apex", "Apex Concrete")).isFalse();
        assertThat(VendorNames.same(null, null)).isFalse();
        assertThat(VendorNames.same("  ", "")).isFalse();
    }
}
