package io.mlconnector.sandbox.bc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The entity types the sandbox serves, by entity set name. Property names and lengths follow BC's $metadata. */
final class EntityTypes {

    private static final String BUY_FROM = " buyFromAddressLine1:S100 buyFromAddressLine2:S50 buyFromCity:S30"
            + " buyFromCountry:C10 buyFromState:S30 buyFromPostCode:C20";
    private static final String PAY_TO = " payToAddressLine1:S100! payToAddressLine2:S50! payToCity:S30!"
            + " payToCountry:C10! payToState:S30! payToPostCode:C20!";
    private static final String SHIP_TO = " shipToAddressLine1:S100 shipToAddressLine2:S50 shipToCity:S30"
            + " shipToCountry:C10 shipToState:S30 shipToPostCode:C20";
    private static final String TOTALS = " discountAmount:D discountAppliedBeforeTax:B! totalAmountExcludingTax:D!"
            + " totalTaxAmount:D! totalAmountIncludingTax:D!";
    private static final String DOC_LINE = "id:G! documentId:G sequence:I itemId:G accountId:G"
            + " lineType:E=Comment|Account|Item|Resource|Fixed_Asset|Charge|Allocation_Account lineObjectNumber:C20"
            + " description:S100 %s unitOfMeasureId:G unitOfMeasureCode:C10 unitCost:D quantity:D discountAmount:D"
            + " discountPercent:D discountAppliedBeforeTax:B! amountExcludingTax:D taxCode:S50 taxPercent:D!"
            + " totalTaxAmount:D! amountIncludingTax:D! invoiceDiscountAllocation:D! netAmount:D! netTaxAmount:D!"
            + " netAmountIncludingTax:D! %s itemVariantId:G locationId:G";
    private static final String ACCOUNT_TYPES = "G/L_Account|Customer|Vendor|Bank_Account|Fixed_Asset|IC_Partner|Employee|Allocation_Account";

    static final Map<String, EntityType> BY_SET = new LinkedHashMap<>();

    static {
        add("companies", "company", "id:G! systemVersion:S! timestamp:L! name:S30! displayName:S250! businessProfileId:S250!"
                + " systemCreatedAt:DT! systemCreatedBy:G! systemModifiedAt:DT! systemModifiedBy:G!");
        add("vendors", "vendor", "id:G! number:C20 displayName:S100 addressLine1:S100 addressLine2:S50 city:S30 state:S30"
                + " country:C10 postalCode:C20 phoneNumber:S30 email:S80 website:S80 taxRegistrationNumber:S20"
                + " currencyId:G currencyCode:C10 irs1099Code:S10 paymentTermsId:G paymentMethodId:G taxLiable:B"
                + " blocked:E=_|Payment|All balance:D! lastModifiedDateTime:DT!");
        add("accounts", "account", "id:G! number:C20 displayName:S100"
                + " category:E=_|Assets|Liabilities|Equity|Income|Cost_of_Goods_Sold|Expense subCategory:S80 blocked:B"
                + " accountType:E=Posting|Heading|Total|Begin-Total|End-Total directPosting:B netChange:D!"
                + " consolidationTranslationMethod:S consolidationDebitAccount:C20 consolidationCreditAccount:C20"
                + " excludeFromConsolidation:B lastModifiedDateTime:DT!");
        add("dimensions", "dimension", "id:G! code:C20 displayName:S30 consolidationCode:C20 lastModifiedDateTime:DT!");
        add("dimensionValues", "dimensionValue", "id:G! code:C20 dimensionId:G displayName:S50 consolidationCode:C20"
                + " lastModifiedDateTime:DT!");
        add("dimensionSetLines", "dimensionSetLine", "id:G code:C20 consolidationCode:C20! parentId:G! parentType:E=_|Journal_Line|"
                + "Purchase_Invoice|Purchase_Invoice_Line|General_Ledger_Entry|Purchase_Order|Purchase_Order_Line|"
                + "Purchase_Credit_Memo|Purchase_Credit_Memo_Line! displayName:S30! valueId:G valueCode:C20"
                + " valueConsolidationCode:C20! valueDisplayName:S50!");
        add("journals", "journal", "id:G! code:C10 displayName:S100 templateDisplayName:C10 lastModifiedDateTime:DT!"
                + " balancingAccountId:G balancingAccountNumber:C20!");
        add("journalLines", "journalLine", "id:G! journalId:G journalDisplayName:S! lineNumber:I accountType:E="
                + ACCOUNT_TYPES + " accountId:G accountNumber:C20 postingDate:DATE documentNumber:C20"
                + " externalDocumentNumber:C35 amount:D description:S100 comment:S250 taxCode:S20 balanceAccountType:E="
                + ACCOUNT_TYPES + " balancingAccountId:G balancingAccountNumber:C20 lastModifiedDateTime:DT!");
        add("generalLedgerEntries", "generalLedgerEntry", "id:G! entryNumber:I! postingDate:DATE! documentNumber:C20!"
                + " documentType:E=_|Payment|Invoice|Credit_Memo|Finance_Charge_Memo|Reminder|Refund! accountId:G!"
                + " accountNumber:C20! description:S100! debitAmount:D! creditAmount:D! additionalCurrencyDebitAmount:D!"
                + " additionalCurrencyCreditAmount:D! lastModifiedDateTime:DT!");
        add("purchaseInvoices", "purchaseInvoice", "id:G! number:C20! postingDate:DATE invoiceDate:DATE dueDate:DATE"
                + " vendorInvoiceNumber:C35 vendorId:G vendorNumber:C20 vendorName:S100! payToName:S100! payToContact:S100!"
                + " payToVendorId:G payToVendorNumber:C20 shipToName:S100 shipToContact:S100" + BUY_FROM + SHIP_TO + PAY_TO
                + " shortcutDimension1Code:C20 shortcutDimension2Code:C20 currencyId:G currencyCode:C10 orderId:G!"
                + " orderNumber:C20! purchaser:C20 pricesIncludeTax:B!" + TOTALS
                + " status:E=_|Draft|In_Review|Open|Paid|Canceled|Corrective! lastModifiedDateTime:DT!");
        add("purchaseInvoiceLines", "purchaseInvoiceLine", String.format(DOC_LINE, "description2:S50", "expectedReceiptDate:DATE"));
        add("purchaseCreditMemos", "purchaseCreditMemo", "id:G! number:C20! creditMemoDate:DATE postingDate:DATE dueDate:DATE"
                + " vendorId:G vendorNumber:C20 vendorName:S100! vendorCreditMemoNumber:C35 payToVendorId:G"
                + " payToVendorNumber:C20 payToName:S100!" + BUY_FROM + PAY_TO
                + " shortcutDimension1Code:C20 shortcutDimension2Code:C20 currencyId:G currencyCode:C10 paymentTermsId:G"
                + " shipmentMethodId:G purchaser:C20 pricesIncludeTax:B!" + TOTALS
                + " status:E=Draft|In_Review|Open|Canceled|Corrective|Paid! lastModifiedDateTime:DT! invoiceId:G"
                + " invoiceNumber:C20 vendorReturnReasonId:G");
        add("purchaseCreditMemoLines", "purchaseCreditMemoLine", String.format(DOC_LINE, "", ""));
        add("purchaseOrders", "purchaseOrder", "id:G! number:C20 orderDate:DATE postingDate:DATE vendorId:G vendorNumber:C20"
                + " vendorName:S100! payToName:S100! payToVendorId:G payToVendorNumber:C20 shipToName:S100 shipToContact:S100"
                + BUY_FROM + PAY_TO + SHIP_TO + " shortcutDimension1Code:C20 shortcutDimension2Code:C20 currencyId:G"
                + " currencyCode:C10 pricesIncludeTax:B paymentTermsId:G shipmentMethodId:G purchaser:C20"
                + " requestedReceiptDate:DATE" + TOTALS + " fullyReceived:B! status:E=Draft|In_Review|Open!"
                + " lastModifiedDateTime:DT!");
        add("subscriptions", "subscriptions", "subscriptionId:S150! notificationUrl:S resource:S timestamp:L! userId:G!"
                + " lastModifiedDateTime:DT! clientState:S2048 expirationDateTime:DT! systemCreatedAt:DT!"
                + " systemCreatedBy:G! systemModifiedAt:DT! systemModifiedBy:G!");
    }

    private EntityTypes() {
    }

    private static void add(String set, String type, String spec) {
        BY_SET.put(set, new EntityType(type, spec));
    }

    static EntityType of(String set) {
        EntityType type = BY_SET.get(set);
        if (type == null) {
            throw new IllegalArgumentException(set);
        }
        return type;
    }
}
