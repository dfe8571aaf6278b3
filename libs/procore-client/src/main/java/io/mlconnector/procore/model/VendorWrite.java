package io.mlconnector.procore.model;

/**
 * Fields to write on a company vendor; nulls are left out of the request. {@code id} is used only by
 * {@code syncVendors} (a row with an id updates that vendor; a row with only {@code originId} upserts by it).
 */
public record VendorWrite(Long id, String name, String abbreviatedName, String originId, String originCode,
                          Boolean isActive, String address, String city, String stateCode, String zip,
                          String countryCode, String businessPhone, String emailAddress) {

    public static VendorWrite named(String name, String originId) {
        return new VendorWrite(null, name, null, originId, null, null, null, null, null, null, null, null, null);
    }
}
