import Core

extension SandboxProductFactory {
    /// A `product_meta` object in the contract's shape, with the gaps real data has: a missing
    /// `organic`, a `null` bracha, nutrition not scanned yet (`null`), fields missing or `null`
    /// inside nutrition.
    mutating func makeProductMeta(brand: String, name: String, category: SandboxVocabulary.Category) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("brand", .string(brand)),
            ("product_name", .string(name)),
            ("category", .string(category.name)),
            ("bracha", category.bracha.map(JSONValue.string) ?? .null),
        ]
        if random.chance(0.05) { members[3].value = .null }
        members.append(("kosher_for_passover", .bool(random.chance(0.2))))
        members.append(("gluten_free", .bool(!category.allergens.contains("wheat") && random.chance(0.5))))
        members.append(("vegan", .bool(!category.allergens.contains("milk") && random.chance(0.4))))
        if !random.chance(0.06) { members.append(("organic", .bool(random.chance(0.15)))) }
        members.append(("hechshers", makeHechshers(category: category.name)))
        let hasFood = category.bracha != nil
        members.append(("nutrition", hasFood && !random.chance(0.1) ? makeNutrition() : .null))
        if hasFood {
            let count = random.int(2...min(5, category.ingredients.count))
            let picked = Array(category.ingredients.shuffled(using: &random).prefix(count))
            let text =
                picked.joined(separator: ", ").prefix(1).uppercased() + picked.joined(separator: ", ").dropFirst()
            members.append(("ingredients_text", random.chance(0.03) ? .null : .string(text + ".")))
        } else {
            members.append(("ingredients_text", .null))
        }
        let allergens = category.allergens.filter { _ in random.chance(0.6) }
        members.append(("allergens", .array(allergens.map(JSONValue.string))))
        return .object(members)
    }

    /// 0–2 hechshers with the category's dairy/meat/pareve designation.
    mutating func makeHechshers(category: String) -> JSONValue {
        let count = random.chance(0.08) ? 0 : (random.chance(0.13) ? 2 : 1)
        var agencies = SandboxVocabulary.agencies.shuffled(using: &random)
        agencies = Array(agencies.prefix(count))
        let designation: String
        switch category {
        case "dairy": designation = "dairy"
        case "soups": designation = random.chance(0.5) ? "meat" : "pareve"
        case "candy", "bakery": designation = random.chance(0.3) ? "dairy" : "pareve"
        default: designation = "pareve"
        }
        return .array(
            agencies.map { agency in
                [
                    "symbol": .string(agency.symbol), "org": .string(agency.org),
                    "dairy_meat_pareve": .string(designation),
                    "logo": agency.logo.map(JSONValue.string) ?? .null,
                ]
            })
    }

    /// A nutrition panel with `{amount, dv}` objects; some fields missing or `null`.
    mutating func makeNutrition() -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("serving_size", .string(random.pick(SandboxVocabulary.servingSizes))),
            ("calories", .int(random.int(0...48) * 5)),
        ]
        let panel: [(String, String, ClosedRange<Int>, Int)] = [
            ("total_fat", "g", 0...18, 78), ("saturated_fat", "g", 0...8, 20), ("sodium", "mg", 0...480, 2300),
            ("total_carbohydrate", "g", 0...40, 275), ("dietary_fiber", "g", 0...6, 28),
            ("total_sugars", "g", 0...24, 0), ("protein", "g", 0...12, 50),
        ]
        for (field, unit, range, dailyValue) in panel {
            if random.chance(0.08) { continue }
            if random.chance(0.04) {
                members.append((field, .null))
                continue
            }
            let amount = random.int(range)
            let dv: JSONValue =
                dailyValue == 0 || random.chance(0.05) ? .null : .string("\(amount * 100 / dailyValue)%")
            members.append((field, ["amount": .string("\(amount)\(unit)"), "dv": dv]))
        }
        return .object(members)
    }
}
