/// The word lists the generated catalog draws from: fictional kosher CPG brands, categories with
/// their bracha, hechsher agencies, allergens and image studios.
enum SandboxVocabulary {
    /// A brand with the manufacturer prefix its UPC-A codes share.
    struct Brand {
        let name: String
        let manufacturer: String
        let categories: [String]
    }

    /// A product category: the nouns its products are called and the bracha said over them.
    struct Category {
        let name: String
        let nouns: [String]
        let bracha: String?
        let ingredients: [String]
        let allergens: [String]
    }

    /// A kosher certification agency.
    struct Agency {
        let symbol: String
        let org: String
        let logo: String?
    }

    static let brands: [Brand] = [
        Brand(name: "Golden Fields", manufacturer: "71823", categories: ["cereal", "bakery", "snacks"]),
        Brand(name: "Kedem Valley", manufacturer: "06942", categories: ["beverages", "condiments"]),
        Brand(name: "Shalom Kitchen", manufacturer: "08331", categories: ["soups", "pasta", "frozen"]),
        Brand(name: "Galil Orchards", manufacturer: "07620", categories: ["snacks", "canned", "beverages"]),
        Brand(name: "Negev Farms", manufacturer: "18224", categories: ["dairy", "frozen"]),
        Brand(name: "Carmel Creamery", manufacturer: "64112", categories: ["dairy"]),
        Brand(name: "Yarden Bakers", manufacturer: "73415", categories: ["bakery", "cereal"]),
        Brand(name: "Sabra Lane", manufacturer: "68034", categories: ["condiments", "snacks"]),
        Brand(name: "Hadar Sweets", manufacturer: "85291", categories: ["candy", "bakery"]),
        Brand(name: "Tova's Pantry", manufacturer: "60733", categories: ["pasta", "canned", "soups"]),
        Brand(name: "Brooklyn Crunch", manufacturer: "81956", categories: ["snacks", "candy"]),
        Brand(name: "Mishpacha Foods", manufacturer: "04217", categories: ["frozen", "soups", "pasta"]),
        Brand(name: "Shefa Naturals", manufacturer: "85023", categories: ["cereal", "snacks", "beverages"]),
        Brand(name: "Lev Organics", manufacturer: "89604", categories: ["canned", "condiments", "cereal"]),
        Brand(name: "Ner Household", manufacturer: "03700", categories: ["household"]),
        Brand(name: "Bright Home", manufacturer: "07387", categories: ["household"]),
        Brand(name: "Zion Spice Co.", manufacturer: "65284", categories: ["condiments"]),
        Brand(name: "Emek Dairy", manufacturer: "18765", categories: ["dairy", "frozen"]),
        Brand(name: "Rimon Drinks", manufacturer: "61187", categories: ["beverages"]),
        Brand(name: "Chai Snacks", manufacturer: "76204", categories: ["snacks", "candy"]),
    ]

    static let categories: [String: Category] = [
        "cereal": Category(
            name: "cereal", nouns: ["Corn Flakes", "Honey Os", "Granola", "Oat Squares", "Crispy Rice", "Bran Flakes"],
            bracha: "mezonos", ingredients: ["whole grain oats", "corn meal", "sugar", "malt flavoring", "salt"],
            allergens: ["wheat", "soy"]),
        "bakery": Category(
            name: "bakery", nouns: ["Rugelach", "Babka", "Mandel Bread", "Sandwich Cookies", "Honey Cake"],
            bracha: "mezonos", ingredients: ["enriched flour", "sugar", "vegetable oil", "eggs", "cocoa"],
            allergens: ["wheat", "eggs", "soy"]),
        "snacks": Category(
            name: "snacks", nouns: ["Potato Chips", "Pretzels", "Popcorn", "Veggie Sticks", "Peanut Puffs"],
            bracha: "shehakol", ingredients: ["potatoes", "sunflower oil", "salt", "corn", "peanuts"],
            allergens: ["peanuts", "sesame"]),
        "beverages": Category(
            name: "beverages", nouns: ["Grape Juice", "Lemonade", "Iced Tea", "Sparkling Water", "Orange Juice"],
            bracha: "shehakol", ingredients: ["water", "grape juice concentrate", "citric acid", "natural flavors"],
            allergens: []),
        "dairy": Category(
            name: "dairy", nouns: ["Cream Cheese", "Greek Yogurt", "Cheddar Slices", "Chocolate Milk", "Butter"],
            bracha: "shehakol", ingredients: ["pasteurized milk", "cream", "cultures", "salt", "enzymes"],
            allergens: ["milk"]),
        "condiments": Category(
            name: "condiments", nouns: ["Hummus", "Techina", "Ketchup", "Duck Sauce", "Schug", "Mayonnaise"],
            bracha: "shehakol", ingredients: ["chickpeas", "sesame paste", "tomato paste", "vinegar", "garlic"],
            allergens: ["sesame", "eggs"]),
        "pasta": Category(
            name: "pasta", nouns: ["Egg Noodles", "Spaghetti", "Israeli Couscous", "Farfel", "Lasagna Sheets"],
            bracha: "mezonos", ingredients: ["durum wheat semolina", "eggs", "water"], allergens: ["wheat", "eggs"]),
        "canned": Category(
            name: "canned", nouns: ["Chickpeas", "Sliced Peaches", "Tomato Sauce", "Pickles", "Olives"],
            bracha: "haadama", ingredients: ["water", "salt", "calcium chloride", "vinegar"], allergens: []),
        "soups": Category(
            name: "soups", nouns: ["Chicken Soup", "Matzo Ball Soup", "Mushroom Barley", "Vegetable Soup"],
            bracha: "shehakol", ingredients: ["water", "chicken", "carrots", "celery", "barley", "onion"],
            allergens: ["wheat", "celery"]),
        "frozen": Category(
            name: "frozen", nouns: ["Potato Knishes", "Gefilte Fish", "Pizza Bagels", "Blintzes", "Schnitzel"],
            bracha: "mezonos", ingredients: ["flour", "potatoes", "eggs", "onion", "fish"],
            allergens: ["wheat", "eggs", "fish", "milk"]),
        "candy": Category(
            name: "candy", nouns: ["Chocolate Bar", "Jelly Rings", "Halva", "Sour Sticks", "Marshmallows"],
            bracha: "shehakol", ingredients: ["sugar", "cocoa butter", "glucose syrup", "sesame", "gelatin"],
            allergens: ["milk", "sesame", "tree nuts"]),
        "household": Category(
            name: "household", nouns: ["Dish Soap", "Aluminum Pans", "Shabbos Candles", "Paper Towels"],
            bracha: nil, ingredients: [], allergens: []),
    ]

    static let agencies: [Agency] = [
        Agency(symbol: "OU", org: "Orthodox Union", logo: nil),
        Agency(
            symbol: "OK", org: "OK Kosher Certification", logo: "https://images.retaildigitals.com/hechshers/ok.png"),
        Agency(symbol: "Star-K", org: "Star-K Kosher Certification", logo: nil),
        Agency(
            symbol: "cRc", org: "Chicago Rabbinical Council",
            logo: "https://images.retaildigitals.com/hechshers/crc.png"),
        Agency(symbol: "Kof-K", org: "Kof-K Kosher Supervision", logo: nil),
        Agency(symbol: "Badatz", org: "Badatz Eidah HaChareidis", logo: nil),
    ]

    static let studios = ["Studio A", "Studio A", "Studio B", "Studio C", "Retail Digitals"]
    static let resolutions = ["1000x1000", "1000x1000", "1200x1600", "800x800", "2000x2000"]
    static let sizes = ["8 oz", "12 oz", "16 oz", "1 lb", "500 g", "64 fl oz", "24 ct", "10.5 oz"]
    static let servingSizes = ["1 cup (28g)", "1 oz (28g)", "2 tbsp (30g)", "8 fl oz (240ml)", "3 pieces (40g)"]
}
