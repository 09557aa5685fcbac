/// The names and values generated records draw from, shaped like `policies/jp/examples/records.jsonl`: the buyers of
/// `policies/jp/entities.yaml` and names outside it, the makers of `vendors.yaml` (with aliases in Japanese, Chinese
/// and full width) and names it does not know. No string here needs JSON escaping.
enum Vocabulary {
    /// A procuring body as a tool writes it; `entityClass` is written into the record when given.
    struct Buyer {
        var name: String
        var code: String
        var entityClass: String? = nil
    }

    /// Central ministries (in scope from 2019-04-01), in English, Japanese and abbreviated.
    static let ministries: [Buyer] = [
        Buyer(name: "Ministry of Internal Affairs and Communications", code: "MIC"), Buyer(name: "総務省", code: "MIC"),
        Buyer(name: "Ministry of Foreign Affairs", code: "MOFA"), Buyer(name: "防衛省", code: "MOD"),
        Buyer(name: "厚生労働省", code: "MHLW"), Buyer(name: "METI", code: "METI"), Buyer(name: "警察庁", code: "NPA"),
        Buyer(name: "環境省", code: "MOE"), Buyer(name: "Digital Agency", code: "DA"), Buyer(name: "MLIT", code: "MLIT"),
        Buyer(name: "Ministry of Finance", code: "MOF"), Buyer(name: "文部科学省", code: "MEXT"),
        Buyer(name: "Cabinet Secretariat", code: "CAS"), Buyer(name: "法務省", code: "MOJ"),
    ]

    /// Designated corporations and registered independent administrative agencies (in scope from 2020-07-01).
    static let agencies: [Buyer] = [
        Buyer(name: "Japan Pension Service", code: "JPS"), Buyer(name: "日本年金機構", code: "JPS"),
        Buyer(name: "Japan Agency for Local Authority Information Systems", code: "JLIS"),
        Buyer(name: "地方公共団体情報システム機構", code: "JLIS"), Buyer(name: "KKR", code: "KKR"),
        Buyer(name: "公立学校共済組合", code: "KGK"), Buyer(name: "JAXA", code: "JAXA"),
        Buyer(name: "国立研究開発法人産業技術総合研究所", code: "AIST"),
        Buyer(name: "Information-technology Promotion Agency, Japan", code: "IPA"),
        Buyer(name: "Government Pension Investment Fund", code: "GPIF"), Buyer(name: "都市再生機構", code: "UR"),
    ]

    /// Agencies missing from the partial registry that give their class themselves.
    static let classedAgencies: [Buyer] = [
        Buyer(
            name: "Japan Organization for Employment of the Elderly, Persons with Disabilities and Job Seekers",
            code: "JEED", entityClass: "independent_administrative_agency"),
        Buyer(name: "国立印刷局", code: "NPB", entityClass: "independent_administrative_agency"),
    ]

    /// Bodies the guideline does not govern, one of them claiming a class the registry contradicts.
    static let outOfScope: [Buyer] = [
        Buyer(name: "東京都", code: "TMG"), Buyer(name: "Osaka City", code: "OSK"),
        Buyer(name: "University of Tokyo", code: "UT"), Buyer(name: "NTT Docomo", code: "DCM"),
        Buyer(name: "協会けんぽ", code: "KK"), Buyer(name: "大阪市", code: "OSK", entityClass: "central_ministry"),
    ]

    /// Bodies neither registered nor classed: their class is unknown.
    static let unknown: [Buyer] = [
        Buyer(name: "Japan Organization for Employment of the Elderly", code: "JEED"),
        Buyer(name: "Okinawa Development Finance Corporation", code: "ODFC"),
    ]

    /// Days on either side of the guideline's dates and the registry's membership changes.
    static let boundaryDays = [
        "2019-03-31", "2019-04-01", "2020-06-30", "2020-07-01", "2020-11-17", "2020-11-18", "2019-12-31",
        "2020-01-01", "2021-08-31", "2021-09-01",
    ]

    /// Categories with their weights and descriptions (`non_it` is out of scope).
    static let categories: [(Int, (name: String, descriptions: [String]))] = [
        (16, ("network_equipment", ["Core LAN switches for the head office", "Branch office VPN routers"])),
        (10, ("telecom_equipment", ["Base station transmission units", "Mobile routers for branch offices"])),
        (14, ("computing_equipment", ["Servers for the benefits system", "Desktop PCs for the records section"])),
        (8, ("mobile_device", ["Smartphones for liaison staff", "Tablets for on-site inspections"])),
        (6, ("office_equipment", ["Multifunction printers", "Copiers for the regional offices"])),
        (7, ("video_surveillance", ["Network cameras for the entrances", "Video recorders"])),
        (5, ("iot_device", ["Sensors for the server rooms", "Power conditioners"])),
        (3, ("passive_infrastructure", ["Optical fibre and racks"])),
        (7, ("software", ["Endpoint protection licences", "Document management software"])),
        (7, ("cloud_service", ["Hosted e-mail service", "Archive object storage"])),
        (6, ("it_service", ["Payroll system maintenance", "Web site hosting"])),
        (4, ("telecom_service", ["Mobile lines for the response team", "Leased lines between offices"])),
        (6, ("non_it", ["Office furniture", "Stationery and supplies"])),
    ]

    /// Makers of `vendors.yaml` in Huawei's and ZTE's groups (Honor and Huawei Marine only up to their sale dates).
    static let designatedMakers = [
        "Huawei Technologies Co., Ltd.", "HUAWEI", "華為技術", "華為技術日本株式会社", "Huawei Technologies Japan K.K.",
        "HiSilicon", "海思", "Honor", "ZTE Corporation", "ＺＴＥ　Ｃｏｒｐｏｒａｔｉｏｎ", "中兴通讯",
        "Zhongxing Telecommunication Equipment", "nubia Technology", "Huawei Marine Networks",
    ]

    /// China-origin makers outside Huawei and ZTE.
    static let chineseMakers = [
        "Lenovo", "Lenovo Group Limited", "联想", "Hikvision", "海康威视", "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "Dahua", "Zhejiang Dahua Technology Co., Ltd.", "Hytera Communications Corporation",
        "Quectel Wireless Solutions",
        "移远通信", "Alibaba Cloud", "EZVIZ", "HMN Technologies Co., Ltd.",
    ]

    /// Japanese, US and European makers.
    static let otherMakers = [
        "NEC Corporation", "NEC Platforms", "日本電気株式会社", "Fujitsu Limited", "富士通", "Cisco Systems",
        "シスコシステムズ", "Fortinet", "Juniper Networks", "Alaxala Networks", "Panasonic Connect", "Nokia",
        "Ericsson", "Samsung Electronics", "Intel Corporation", "Dell Technologies", "Dell Inc.", "パナソニック",
    ]

    /// Names the registry does not know (`ZTEX` is not `ZTE`: no fuzzy matching).
    static let unresolvedMakers = ["ZTEX Systems", "Huawai Technologies", "Sakura Denki Kogyo"]

    static let brands = ["NEC", "Fujitsu", "Panasonic", "Cisco", "Dell"]
    static let parts = [
        "CPU", "LTE module", "network interface card", "Wi-Fi chipset", "image sensor", "power supply unit", "SSD",
        "baseband SoC",
    ]
    static let models = ["SR-X526R1", "AR6280", "RTN 950A", "PRIMERGY RX2540", "ThinkPad L14", "DS-2CD2143", "MR-5"]
    static let suppliers = [
        "Fujitsu Limited", "NEC Corporation", "NTT Data", "Otsuka Corporation", "Itochu Techno-Solutions",
        "日立システムズ", "SCSK Corporation",
    ]

    static let publicClasses = ["public", "internal"]
    static let protectedClasses = [
        "confidential", "national_security", "personal", "bulk_personal", "my_number", "health",
    ]
    static let systemRoles: [(Int, String?)] = [
        (22, "core_infrastructure"), (45, "business_system"), (13, "isolated"), (12, "other"), (8, nil),
    ]
    /// Consultation statuses; nil writes a consultation without a status.
    static let statuses: [(Int, String?)] = [
        (32, "no_concern"), (10, "remediated"), (14, "pending"), (8, "not_started"), (7, "not_required"),
        (12, "concern"), (5, nil),
    ]
}
