extension RecordLayout {
    /// Entity classes of record v1.
    package static let entityClasses = [
        "central_ministry", "independent_administrative_agency", "designated_corporation", "local_government",
        "national_university", "other_public_body", "private_company", "us_federal_agency", "us_federal_grantee",
        "us_state_or_local_government",
    ]

    /// Categories of what is bought, record v1.
    package static let categories = [
        "network_equipment", "telecom_equipment", "computing_equipment", "mobile_device", "office_equipment",
        "video_surveillance", "iot_device", "passive_infrastructure", "software", "cloud_service", "it_service",
        "telecom_service", "non_it",
    ]

    /// Classes of data a system holds or carries, record v1.
    package static let dataClasses = [
        "public", "internal", "confidential", "national_security", "personal", "bulk_personal", "my_number", "health",
    ]

    /// The fields of one entry of `components`.
    package static let componentV1 = RecordLayout([
        FieldSpec("part", .text, summary: "what the component is"),
        FieldSpec("manufacturer", .text, namesVendor: true, summary: "who makes the component"),
        FieldSpec("model", .text, summary: "the component's model"),
    ])

    /// Procurement record version 1, the interface between procurement tools and Kensa (`schemas/record.schema.json`).
    package static let recordV1 = RecordLayout([
        FieldSpec("id", .text, summary: "the record's identifier, echoed in the decision"),
        FieldSpec("date", .date, summary: "the date the procurement action started"),
        FieldSpec(
            "action", .choice(["new_contract", "extension", "renewal", "option_exercise"]),
            defaultValue: .choice(0), summary: "kind of contract action"),
        FieldSpec("buyer.name", .text, summary: "the procuring body as written by the tool"),
        FieldSpec("buyer.entity_class", .choice(entityClasses), summary: "class of the procuring body"),
        FieldSpec("buyer.country", .text, summary: "ISO 3166-1 alpha-2 country of the buyer"),
        FieldSpec("category", .choice(categories), summary: "what is bought"),
        FieldSpec("security_purpose", .bool, summary: "the purchase serves public safety or national security"),
        FieldSpec(
            "telecom_service_kind", .choice(["roaming", "backhaul", "interconnection", "other"]),
            summary: "kind of telecom service"),
        FieldSpec("product.description", .text, summary: "free text"),
        FieldSpec(
            "product.brand", .text, namesVendor: true, fallbackPath: "product.manufacturer",
            summary: "the name on the box"),
        FieldSpec("product.manufacturer", .text, namesVendor: true, summary: "who actually makes the product"),
        FieldSpec("product.model", .text, summary: "the product's model"),
        FieldSpec("product.routes_user_data", .bool, summary: "can route or redirect user data traffic"),
        FieldSpec("product.user_data_visibility", .bool, summary: "can give visibility into user data or packets"),
        FieldSpec("components", .objectList(componentV1), summary: "substantial components and their makers"),
        FieldSpec("supplier.name", .text, namesVendor: true, summary: "the contractor, offeror or reseller"),
        FieldSpec(
            "supplier.uses_covered_equipment", .bool, summary: "the offeror itself uses covered equipment or services"),
        FieldSpec("data.classes", .list(.choice(dataClasses)), summary: "classes of data the system holds"),
        FieldSpec(
            "system_role", .choice(["core_infrastructure", "business_system", "isolated", "other"]),
            summary: "role of the system"),
        FieldSpec("consultation.body", .text, summary: "the body consulted, such as NISC"),
        FieldSpec(
            "consultation.status",
            .choice(["not_started", "pending", "no_concern", "concern", "remediated", "not_required"]),
            summary: "state of the security consultation"),
        FieldSpec("consultation.reference", .text, summary: "reference of the consultation"),
        FieldSpec("exemptions", .list(.text), summary: "ids of exemptions the buyer claims"),
        FieldSpec("value.amount", .number, summary: "contract value"),
        FieldSpec("value.currency", .text, summary: "ISO 4217 currency of the value"),
    ])
}
