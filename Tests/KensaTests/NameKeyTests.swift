import Testing

@testable import Kensa

@Suite struct NameKeyTests {
    @Test func ignoresCaseWidthPunctuationAndLegalSuffixes() {
        let key = NameKey("Huawei Technologies Co., Ltd.")
        #expect(NameKey("HUAWEI TECHNOLOGIES") == key)
        #expect(NameKey("ＨＵＡＷＥＩ　Ｔｅｃｈｎｏｌｏｇｉｅｓ") == key)
        #expect(NameKey("huawei-technologies co ltd") == NameKey("Huawei Technologies"))
        #expect(NameKey("ZTE Japan K.K.") == NameKey("ZTE Japan"))
        #expect(NameKey("Fujitsu Limited") == NameKey("FUJITSU"))
        #expect(NameKey("華為技術日本株式会社") == NameKey("華為技術日本"))
        #expect(NameKey("株式会社ＮＥＣ") == NameKey("NEC"))
    }

    @Test func matchesExactlyAfterNormalising() {
        #expect(NameKey("ZTEX") != NameKey("ZTE"))
        #expect(NameKey("ZTE Corporation") == NameKey("zte"))
        #expect(NameKey("Huawei Marine") != NameKey("Huawei"))
    }

    @Test func keepsALegalWordThatIsTheWholeName() {
        #expect(NameKey("Limited").text == "limited")
    }
}
