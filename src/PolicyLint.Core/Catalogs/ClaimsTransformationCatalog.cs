using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyLint.Catalogs
{
    /// <summary>A named input claim, input parameter or output claim of a transformation method.</summary>
    public sealed class TransformationSlot
    {
        internal TransformationSlot(string name, string[] dataTypes, bool required, string[] aliases)
        {
            Name = name;
            DataTypes = dataTypes;
            Required = required;
            Aliases = aliases;
        }

        /// <summary>The TransformationClaimType (claims) or Id (parameters) the docs give.</summary>
        public string Name { get; }
        /// <summary>Data types the method takes here; "*" = any.</summary>
        public IReadOnlyList<string> DataTypes { get; }
        public bool Required { get; }
        /// <summary>Other spellings the docs use for the same slot (a table that disagrees with its example).</summary>
        public IReadOnlyList<string> Aliases { get; }

        public bool Matches(string name)
            => string.Equals(Name, name, StringComparison.Ordinal) || Aliases.Contains(name, StringComparer.Ordinal);

        public bool Accepts(string dataType) => TransformationTypes.Accepts(DataTypes, dataType);
    }

    /// <summary>Slots whose names the policy chooses (e.g. GenerateJson's dot-notation paths).</summary>
    public sealed class OpenSlots
    {
        internal OpenSlots(string note, string[] dataTypes, bool anyName, bool withoutName, string? prefix)
        {
            Note = note;
            DataTypes = dataTypes;
            AnyName = anyName;
            WithoutName = withoutName;
            Prefix = prefix;
        }

        /// <summary>What the docs say about these slots.</summary>
        public string Note { get; }
        public IReadOnlyList<string> DataTypes { get; }
        /// <summary>Any TransformationClaimType / parameter Id is accepted.</summary>
        public bool AnyName { get; }
        /// <summary>Claims without a TransformationClaimType are accepted.</summary>
        public bool WithoutName { get; }
        /// <summary>Names starting with this prefix are accepted (BuildUri's query.*).</summary>
        public string? Prefix { get; }

        public bool AcceptsName(string? name)
        {
            if (string.IsNullOrEmpty(name)) return WithoutName;
            return AnyName || (Prefix != null && name!.StartsWith(Prefix, StringComparison.Ordinal));
        }

        public bool Accepts(string dataType) => TransformationTypes.Accepts(DataTypes, dataType);
    }

    /// <summary>One TransformationMethod the service has: documented, or seen working in Microsoft's samples.</summary>
    public sealed class TransformationMethod
    {
        internal TransformationMethod(string name, string docsPage, string? seenIn = null)
        {
            Name = name;
            DocsPage = docsPage;
            SeenIn = seenIn;
        }

        public string Name { get; }
        /// <summary>The Microsoft Learn page that documents the method, or for an undocumented one the page of its family.</summary>
        public string DocsPage { get; }
        /// <summary>For a method no reference page describes: the working sample it was seen in (its slots are as that sample uses them). Null when documented.</summary>
        public string? SeenIn { get; }
        public bool Documented => SeenIn == null;
        public List<TransformationSlot> InputClaims { get; } = new List<TransformationSlot>();
        public List<TransformationSlot> InputParameters { get; } = new List<TransformationSlot>();
        public List<TransformationSlot> OutputClaims { get; } = new List<TransformationSlot>();
        public OpenSlots? OpenInputClaims { get; internal set; }
        public OpenSlots? OpenInputParameters { get; internal set; }
        public OpenSlots? OpenOutputClaims { get; internal set; }

        // Builder steps: "string|int" lists the data types a slot takes.
        internal TransformationMethod In(string name, string types, bool required = true, params string[] aliases)
            => Add(InputClaims, name, types, required, aliases);
        internal TransformationMethod Param(string id, string types, bool required = true, params string[] aliases)
            => Add(InputParameters, id, types, required, aliases);
        internal TransformationMethod Out(string name, string types)
            => Add(OutputClaims, name, types, required: false, Array.Empty<string>());
        internal TransformationMethod OpenIn(string note, string types, bool anyName = false, bool withoutName = false, string? prefix = null)
        {
            OpenInputClaims = new OpenSlots(note, Split(types), anyName, withoutName, prefix);
            return this;
        }
        internal TransformationMethod OpenParams(string note, string types, bool anyName = false, string? prefix = null)
        {
            OpenInputParameters = new OpenSlots(note, Split(types), anyName, withoutName: false, prefix);
            return this;
        }
        internal TransformationMethod OpenOut(string note, string types, bool anyName = false, bool withoutName = false)
        {
            OpenOutputClaims = new OpenSlots(note, Split(types), anyName, withoutName, prefix: null);
            return this;
        }

        private TransformationMethod Add(List<TransformationSlot> list, string name, string types, bool required, string[] aliases)
        {
            list.Add(new TransformationSlot(name, Split(types), required, aliases));
            return this;
        }

        private static string[] Split(string types) => types.Split('|');

        public override string ToString() => Name;
    }

    internal static class TransformationTypes
    {
        public static bool Accepts(IReadOnlyList<string> types, string dataType)
            => types.Any(t => t == "*" || string.Equals(t, dataType, StringComparison.Ordinal));

        /// <summary>"string", "string or int", "boolean, string or int".</summary>
        public static string Describe(IReadOnlyList<string> types)
            => types.Count == 1 ? types[0] : string.Join(", ", types.Take(types.Count - 1)) + " or " + types[types.Count - 1];
    }

    /// <summary>
    /// The 64 documented claims-transformation methods (claims-transformations.md §4), with the claims and
    /// parameters each takes, and the few undocumented methods that Microsoft's samples run. Where the docs' table and
    /// example disagree (§5), both spellings and types are accepted.
    /// </summary>
    public static class ClaimsTransformationCatalog
    {
        private const string Docs = "https://learn.microsoft.com/azure/active-directory-b2c/";
        private const string BooleanPage = Docs + "boolean-transformations";
        private const string DatePage = Docs + "date-transformations";
        private const string GeneralPage = Docs + "general-transformations";
        private const string IntegerPage = Docs + "integer-transformations";
        private const string JsonPage = Docs + "json-transformations";
        private const string PhonePage = Docs + "phone-number-claims-transformations";
        private const string SocialPage = Docs + "social-transformations";
        private const string CollectionPage = Docs + "stringcollection-transformations";
        private const string StringPage = Docs + "string-transformations";

        // Short names for the data types.
        private const string S = "string", B = "boolean", I = "int", L = "long", D = "date", DT = "dateTime",
            SC = "stringCollection", Alt = "alternativeSecurityIdCollection", Phone = "phoneNumber";
        /// <summary>ignoreCase and similar flags: typed string in current tables, boolean in older ones.</summary>
        private const string Flag = "string|boolean";

        public static IReadOnlyList<TransformationMethod> All { get; } = Build();

        private static readonly Dictionary<string, TransformationMethod> ByName =
            All.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>The method of that name. Matched ignoring case: the docs do not say the service is case-sensitive.</summary>
        public static TransformationMethod? Find(string name) => ByName.TryGetValue(name, out var m) ? m : null;

        public static IEnumerable<string> Names => All.Select(m => m.Name);

        /// <summary>How many methods the reference pages document (64).</summary>
        public static int DocumentedCount { get; } = All.Count(m => m.Documented);

        private static TransformationMethod M(string name, string page) => new TransformationMethod(name, page);

        /// <summary>A method no reference page describes, seen working in <paramref name="sample"/>.</summary>
        private static TransformationMethod Undocumented(string name, string familyPage, string sample) => new TransformationMethod(name, familyPage, sample);

        private const string AccountLinking = "Azure-Samples/active-directory-b2c-advanced-policies account-linking (TRUSTFRAMEWORKBASE.xml)";
        private const string UserIdentity = "userIdentity", UserIdentities = "userIdentityCollection";

        private static List<TransformationMethod> Build() => new List<TransformationMethod>
        {
            // Boolean
            M("AndClaims", BooleanPage).In("inputClaim1", B).In("inputClaim2", B).Out("outputClaim", B),
            M("AssertBooleanClaimIsEqualToValue", BooleanPage).In("inputClaim", B).Param("valueToCompareTo", B),
            M("CompareBooleanClaimToValue", BooleanPage).In("inputClaim", B).Param("valueToCompareTo", B).Out("compareResult", B),
            M("NotClaims", BooleanPage).In("inputClaim", B).Out("outputClaim", B),
            M("OrClaims", BooleanPage).In("inputClaim1", B).In("inputClaim2", B).Out("outputClaim", B),

            // Date. AssertDateTimeIsGreaterThan's operands are strings: the service rejects a dateTime claim
            // ("declared in the Policy but were not expected by the TransformMethod: [DateTime]rightOperand", azure-ad-b2c/samples#515).
            M("AssertDateTimeIsGreaterThan", DatePage).In("leftOperand", S).In("rightOperand", S)
                .Param("AssertIfEqualTo", B, required: false).Param("AssertIfRightOperandIsNotPresent", B, required: false)
                .Param("TreatAsEqualIfWithinMillseconds", I, required: false),
            M("ConvertDateTimeToDateClaim", DatePage).In("inputClaim", DT).Out("outputClaim", D),
            M("ConvertDateToDateTimeClaim", DatePage).In("inputClaim", D).Out("outputClaim", DT),
            M("DateTimeComparison", DatePage).In("firstDateTime", DT).In("secondDateTime", DT, required: false)
                .Param("operator", S)
                // Documented as required, but policies without it have run in production for years: optional.
                .Param("timeSpanInSeconds", I, required: false).Out("result", B),
            M("GetCurrentDateTime", DatePage).Out("currentDateTime", DT),
            M("IsTermsOfUseConsentRequired", DatePage).In("termsOfUseConsentDateTime", DT)
                .Param("termsOfUseTextUpdateDateTime", DT).Out("result", B),

            // General
            M("CopyClaim", GeneralPage).In("inputClaim", S + "|" + I).Out("outputClaim", S + "|" + I),
            M("DoesClaimExist", GeneralPage).In("inputClaim", "*").Out("outputClaim", B),
            M("Hash", GeneralPage).In("plaintext", S).In("salt", S).Param("randomizerSecret", S).Out("hash", S),

            // Integer
            M("AdjustNumber", IntegerPage).In("inputClaim", I).Param("Operator", S, required: false).Out("outputClaim", I),
            M("AssertNumber", IntegerPage).In("inputClaim", I).Param("Operator", S).Param("CompareToValue", I)
                .Param("throwError", B, required: false).Out("outputClaim", B),
            M("ConvertNumberToStringClaim", IntegerPage).In("inputClaim", L + "|" + I).Out("outputClaim", S),

            // JSON
            M("CreateJsonArray", JsonPage).In("inputClaim", S).Out("outputClaim", S),
            M("GenerateJson", JsonPage)
                .OpenIn("any dot-notation JSON path (e.g. customerEntity.email, emails.0.name)", "*", anyName: true)
                .OpenParams("any dot-notation JSON path, a constant value", "*", anyName: true)
                .Out("outputClaim", S),
            M("GetClaimFromJson", JsonPage).In("inputJson", S).Param("claimToExtract", S).Out("extractedClaim", S),
            JsonArray("GetClaimsFromJsonArray", S),
            JsonArray("GetClaimsFromJsonArrayV2", SC),
            M("GetNumericClaimFromJson", JsonPage).In("inputJson", S).Param("claimToExtract", S).Out("extractedClaim", L + "|" + I),
            M("GetSingleItemFromJson", JsonPage).In("inputJson", S).Out("key", S).Out("value", S),
            M("GetSingleValueFromJsonArray", JsonPage).In("inputJsonClaim", S).Out("extractedClaim", S),
            M("XmlStringToJsonString", JsonPage).In("xml", S).Out("json", S),

            // Phone number
            M("ConvertPhoneNumberClaimToString", PhonePage).In("phoneNumber", Phone).Out("phoneNumberString", S),
            M("ConvertStringToPhoneNumberClaim", PhonePage).In("phoneNumberString", S).In("country", S, required: false).Out("outputClaim", Phone),
            M("GetNationalNumberAndCountryCodeFromPhoneNumberString", PhonePage).In("phoneNumber", S)
                .Param("throwExceptionOnFailure", B, required: false).Param("countryCodeType", S, required: false)
                .Out("nationalNumber", S).Out("countryCode", S),

            // Social accounts. The tables name the item "Element"; the examples use "item".
            M("AddItemToAlternativeSecurityIdCollection", SocialPage).In("item", S, true, "Element").In("collection", Alt).Out("collection", Alt),
            M("CreateAlternativeSecurityId", SocialPage).In("key", S).In("identityProvider", S).Out("alternativeSecurityId", S),
            M("GetIdentityProvidersFromAlternativeSecurityIdCollectionTransformation", SocialPage)
                .In("alternativeSecurityIdCollection", Alt).Out("identityProvidersCollection", SC),
            M("RemoveAlternativeSecurityIdByIdentityProvider", SocialPage).In("identityProvider", S).In("collection", Alt).Out("collection", Alt),

            // StringCollection
            M("AddItemToStringCollection", CollectionPage).In("item", S, true, "Element").In("collection", SC).Out("collection", SC),
            M("AddParameterToStringCollection", CollectionPage).In("collection", SC).Param("item", S, true, "Element").Out("collection", SC),
            M("GetSingleItemFromStringCollection", CollectionPage).In("collection", SC).Out("extractedItem", S),
            M("StringCollectionContains", CollectionPage).In("inputClaim", SC).Param("item", S).Param("ignoreCase", Flag, required: false).Out("outputClaim", B),
            M("StringCollectionContainsClaim", CollectionPage).In("collection", SC).In("item", S).Param("ignoreCase", Flag, required: false).Out("outputClaim", B),

            // String
            M("AssertStringClaimsAreEqual", StringPage).In("inputClaim1", S).In("inputClaim2", S).Param("stringComparison", S, required: false),
            M("BuildUri", StringPage).In("path", S).In("query.secret", S)
                .Param("scheme", S).Param("host", S).Param("query.issuer", S, required: false)
                .OpenIn("query.* claims become query-string parameters", S, prefix: "query.")
                .OpenParams("query.* parameters become query-string parameters", S, prefix: "query.")
                .Out("outputClaim", S),
            M("ChangeCase", StringPage).In("inputClaim1", S).Param("toCase", S).Out("outputClaim", S),
            M("CompareClaims", StringPage).In("inputClaim1", S).In("inputClaim2", S).Param("operator", S).Param("ignoreCase", Flag, required: false).Out("outputClaim", B),
            M("CompareClaimToValue", StringPage).In("inputClaim1", S).Param("operator", S).Param("compareTo", S)
                .Param("ignoreCase", Flag, required: false).Out("outputClaim", B),
            M("CopyClaimIfPredicateMatch", StringPage).In("inputClaim", S).Out("outputClaim", S),
            M("CreateOtpSecret", StringPage).Out("outputClaim", S),
            M("CreateRandomString", StringPage).Param("randomGeneratorType", S).Param("stringFormat", S, required: false)
                .Param("base64", B, required: false).Param("maximumNumber", I, required: false).Param("seed", I, required: false)
                .Out("outputClaim", S),
            M("CreateStringClaim", StringPage).Param("value", S).Out("createdClaim", S),
            M("FormatLocalizedString", StringPage)
                .OpenIn("claims without a TransformationClaimType fill {0}, {1}, ... in order", "*", withoutName: true)
                .Param("stringFormatId", S).Out("outputClaim", S),
            M("FormatStringClaim", StringPage).In("inputClaim", S).Param("stringFormat", S).Out("outputClaim", S),
            M("FormatStringMultipleClaims", StringPage).In("inputClaim1", S).In("inputClaim2", S).Param("stringFormat", S).Out("outputClaim", S),
            M("GetLocalizedStringsTransformation", StringPage)
                .OpenOut("each TransformationClaimType is the StringId of a LocalizedString (ElementType GetLocalizedStringsTransformationClaimType)", S, anyName: true),
            M("GetMappedValueFromLocalizedCollection", StringPage).In("mapFromClaim", S).Out("restrictionValueClaim", S),
            M("LookupValue", StringPage).In("inputParameterId", S).Param("errorOnFailedLookup", B, required: false)
                .OpenParams("one parameter per lookup key: Id = key, Value = result", "*", anyName: true)
                .Out("outputClaim", S),
            M("NullClaim", StringPage).Out("claim_to_null", "*"),
            M("ParseDomain", StringPage).In("emailAddress", S).Out("domain", S),
            // The table types claimToMatch as string; the unit tests pass a boolean claim.
            M("SetClaimIfBooleansMatch", StringPage).In("claimToMatch", S + "|" + B).Param("matchTo", Flag).Param("outputClaimIfMatched", S).Out("outputClaim", S),
            M("SetClaimsIfRegexMatch", StringPage).In("claimToMatch", S).Param("matchTo", S).Param("outputClaimIfMatched", S)
                .Param("extractGroups", B, required: false).Out("outputClaim", S).Out("regexCompareResultClaim", B)
                .OpenOut("with extractGroups, one claim per named regex group (claim Id = group name), without a TransformationClaimType", S, withoutName: true),
            M("SetClaimsIfStringsAreEqual", StringPage).In("inputClaim", S).Param("matchTo", S).Param("stringComparison", S, required: false)
                .Param("stringMatchMsg", S, required: false).Param("stringMatchMsgCode", S, required: false)
                .Out("outputClaim1", S).Out("outputClaim2", S).Out("stringCompareResultClaim", B),
            M("SetClaimsIfStringsMatch", StringPage).In("claimToMatch", S).Param("matchTo", S).Param("stringComparison", S, required: false)
                .Param("outputClaimIfMatched", S).Out("outputClaim", S).Out("stringCompareResultClaim", B),
            // The table types the output boolean (an indicator); the unit tests use a string claim.
            M("StringContains", StringPage).In("inputClaim", S).Param("contains", S).Param("ignoreCase", Flag, required: false).Out("outputClaim", S + "|" + B),
            M("StringJoin", StringPage).In("inputClaim", SC).Param("delimiter", S).Out("outputClaim", S),
            // The table types the output boolean: evidently a doc error, the value is a string.
            M("StringReplace", StringPage).In("inputClaim", S).Param("oldValue", S).Param("newValue", S).Out("outputClaim", S + "|" + B),
            M("StringSplit", StringPage).In("inputClaim", S).Param("delimiter", S).Out("outputClaim", SC),
            M("StringSubstring", StringPage).In("inputClaim", S).Param("startIndex", I).Param("length", I).Out("outputClaim", S),

            // Undocumented, seen working in Microsoft's account-linking sample: the userIdentities counterparts of the
            // alternativeSecurityId methods, with the claims that sample passes.
            Undocumented("CreateUserIdentity", SocialPage, AccountLinking).In("issuerUserId", S).In("issuer", S).Out("userIdentity", UserIdentity),
            Undocumented("AddItemToUserIdentityCollection", SocialPage, AccountLinking).In("item", UserIdentity).In("collection", UserIdentities).Out("collection", UserIdentities),
            Undocumented("RemoveUserIdentityFromCollectionByIssuer", SocialPage, AccountLinking).In("issuer", S).In("collection", UserIdentities).Out("collection", UserIdentities),
            Undocumented("GetIssuersFromUserIdentityCollectionTransformation", SocialPage, AccountLinking)
                .In("userIdentityCollection", UserIdentities).Out("issuersCollection", SC),
            // Undocumented, seen working in age-gating policies (the service's own age gating: ageGroup and
            // consentProvidedForMinor). No published sample shows its claims, so any are accepted.
            Undocumented("GetAgeGroupConsentProvidedAndRequiresConsent", GeneralPage, "age-gating policies reported in issue 17")
                .OpenIn("claims not published", "*", anyName: true, withoutName: true)
                .OpenParams("parameters not published", "*", anyName: true)
                .OpenOut("claims not published", "*", anyName: true, withoutName: true),
        };

        /// <summary>GetClaimsFromJsonArray(V2): the table says jsonSourceClaim, the examples jsonSource; outputs are named by claim Id.</summary>
        private static TransformationMethod JsonArray(string name, string sourceType)
            => M(name, JsonPage).In("jsonSource", sourceType, true, "jsonSourceClaim")
                .Param("errorOnMissingClaims", B, required: false).Param("includeEmptyClaims", Flag, required: false)
                .Param("jsonSourceKeyName", S).Param("jsonSourceValueName", S)
                .OpenOut("one output claim per value to extract, without a TransformationClaimType", S + "|" + I + "|" + B + "|" + DT, withoutName: true);
    }
}
