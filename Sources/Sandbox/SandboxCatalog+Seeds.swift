import Core
import Foundation

extension SandboxCatalog {
    /// The products the seeds name: `017000161563` "Example Brand" "Example Cereal" (front and
    /// front_clean, so the full default GET costs 2.6 as in seed 001), `030772095355` (a national
    /// household-goods brand) and `080878194964` (a national snack brand, all four variants).
    static func seedProducts(start: Int64, factory: inout SandboxProductFactory) -> [SandboxProduct] {
        // Seed 001's example is dated 2026-06-04 15:49:50; keep it when it lies in the year before start.
        let pinned: Int64 = 1_780_588_190
        let cereal = (start - 365 * 86_400...start - 60).contains(pinned) ? pinned : start - 30 * 86_400
        let cerealMeta: JSONValue = [
            "brand": "Example Brand", "product_name": "Example Cereal", "category": "cereal", "bracha": "mezonos",
            "kosher_for_passover": false, "gluten_free": false, "vegan": true, "organic": false,
            "hechshers": [["symbol": "OU", "org": "Orthodox Union", "dairy_meat_pareve": "pareve", "logo": nil]],
            "nutrition": [
                "serving_size": "1 cup (28g)", "calories": 100,
                "sodium": ["amount": "200mg", "dv": "9%"], "total_carbohydrate": ["amount": "24g", "dv": "9%"],
            ],
            "ingredients_text": "Milled corn, sugar, malt flavoring, salt.", "allergens": ["wheat"],
        ]
        let household: JSONValue = [
            "brand": "Bright Home", "product_name": "Dish Soap Lemon 24 fl oz", "category": "household",
            "bracha": nil, "kosher_for_passover": true, "gluten_free": true, "vegan": true,
            "hechshers": [
                ["symbol": "OK", "org": "OK Kosher Certification", "dairy_meat_pareve": "pareve", "logo": nil]
            ],
            "nutrition": nil, "ingredients_text": nil, "allergens": [],
        ]
        let snack: JSONValue = [
            "brand": "Brooklyn Crunch", "product_name": "Sea Salt Potato Chips 8 oz", "category": "snacks",
            "bracha": "shehakol", "kosher_for_passover": false, "gluten_free": true, "vegan": true, "organic": false,
            "hechshers": [["symbol": "OU", "org": "Orthodox Union", "dairy_meat_pareve": "pareve", "logo": nil]],
            "nutrition": [
                "serving_size": "1 oz (28g)", "calories": 160, "total_fat": ["amount": "10g", "dv": "13%"],
                "sodium": ["amount": "170mg", "dv": "7%"], "total_carbohydrate": ["amount": "15g", "dv": "5%"],
                "protein": ["amount": "2g", "dv": nil],
            ],
            "ingredients_text": "Potatoes, sunflower oil, sea salt.", "allergens": [],
        ]
        let specs: [(String, Int64, JSONValue, [ImageVariant])] = [
            ("017000161563", cereal, cerealMeta, [.front, .frontClean]),
            ("030772095355", start - 200 * 86_400 + 3_600, household, [.front, .back]),
            ("080878194964", start - 90 * 86_400 + 7_200, snack, [.front, .back, .frontClean, .backClean]),
        ]
        return specs.map { barcode, seconds, meta, variants in
            let date = Date(timeIntervalSince1970: Double(seconds))
            var imageMeta: [ImageVariant: JSONValue] = [:]
            for variant in variants {
                imageMeta[variant] = factory.makeImageMeta(photoDate: date, studio: "Studio A")
            }
            return SandboxProduct(
                barcode: barcode, updatedAt: date, productMeta: meta, imageMeta: imageMeta, variants: variants,
                imageVersions: Dictionary(uniqueKeysWithValues: variants.map { ($0, 1) }))
        }
    }
}
