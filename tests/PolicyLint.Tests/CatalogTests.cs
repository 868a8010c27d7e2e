using System;
using System.Linq;
using PolicyLint.Catalogs;
using Xunit;

namespace PolicyLint.Tests
{
    /// <summary>The catalogs hold what the docs say: pinned counts and internal consistency.</summary>
    public sealed class CatalogTests
    {
        [Fact]
        public void ClaimsTransformationCatalogHasThe64DocumentedMethodsAndTheUndocumentedOnesSamplesRun()
        {
            Assert.Equal(64, ClaimsTransformationCatalog.DocumentedCount);
            Assert.Equal(69, ClaimsTransformationCatalog.All.Count);
            Assert.Equal(69, ClaimsTransformationCatalog.All.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(ClaimsTransformationCatalog.All.Where(m => !m.Documented), m => Assert.False(string.IsNullOrWhiteSpace(m.SeenIn)));
        }

        [Fact]
        public void EveryMethodCitesItsPageAndNamesItsSlotsOnce()
        {
            foreach (var method in ClaimsTransformationCatalog.All)
            {
                Assert.StartsWith("https://learn.microsoft.com/azure/active-directory-b2c/", method.DocsPage);
                foreach (var list in new[] { method.InputClaims, method.InputParameters, method.OutputClaims })
                {
                    Assert.Equal(list.Count, list.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
                    Assert.All(list, s => Assert.NotEmpty(s.DataTypes));
                }
            }
        }

        [Fact]
        public void OpenEndedMethodsSaySo()
        {
            Assert.NotNull(ClaimsTransformationCatalog.Find("GenerateJson")!.OpenInputClaims);
            Assert.NotNull(ClaimsTransformationCatalog.Find("GenerateJson")!.OpenInputParameters);
            Assert.True(ClaimsTransformationCatalog.Find("GetClaimsFromJsonArray")!.OpenOutputClaims!.WithoutName);
            Assert.True(ClaimsTransformationCatalog.Find("FormatLocalizedString")!.OpenInputClaims!.WithoutName);
            Assert.True(ClaimsTransformationCatalog.Find("LookupValue")!.OpenInputParameters!.AnyName);
            Assert.Null(ClaimsTransformationCatalog.Find("ChangeCase")!.OpenInputClaims);
        }

        [Fact]
        public void HandlersMatchOnTheTypeName()
        {
            Assert.Same(TechnicalProfileCatalog.Restful, TechnicalProfileCatalog.FindHandler(
                "Web.TPEngine.Providers.RestfulProvider, Web.TPEngine, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"));
            Assert.Same(TechnicalProfileCatalog.Restful, TechnicalProfileCatalog.FindHandler("Web.TPEngine.Providers.RestfulProvider, Web.TPEngine, Version=2.0.0.0"));
            Assert.Same(TechnicalProfileCatalog.Restful, TechnicalProfileCatalog.FindHandler(" Web.TPEngine.Providers.RestfulProvider "));
            Assert.Null(TechnicalProfileCatalog.FindHandler("Web.TPEngine.Providers.RestfullProvider, Web.TPEngine"));
            Assert.Equal(16, TechnicalProfileCatalog.Handlers.Count);
            Assert.True(TechnicalProfileCatalog.IsUndocumentedHandler("Web.TPEngine.Providers.UserJourneyContextProvider, Web.TPEngine, Version=1.0.0.0"));
            Assert.Null(TechnicalProfileCatalog.FindHandler("Web.TPEngine.Providers.UserJourneyContextProvider"));
        }

        [Fact]
        public void ProfileTypesFollowProtocolAndTokenFormat()
        {
            Assert.Same(TechnicalProfileCatalog.JwtIssuer, TechnicalProfileCatalog.TypeOf("OpenIdConnect", null, "JWT"));
            Assert.Same(TechnicalProfileCatalog.OpenIdConnect, TechnicalProfileCatalog.TypeOf("OpenIdConnect", null, null));
            Assert.Same(TechnicalProfileCatalog.SamlIssuer, TechnicalProfileCatalog.TypeOf("SAML2", null, "SAML2"));
            Assert.Same(TechnicalProfileCatalog.Saml2, TechnicalProfileCatalog.TypeOf("SAML2", null, null));
            Assert.Null(TechnicalProfileCatalog.TypeOf("WsFed", null, null));
            // An identity provider carrying OutputTokenFormat JWT (older Entra ID articles) stays an identity provider.
            Assert.Same(TechnicalProfileCatalog.OpenIdConnect, TechnicalProfileCatalog.TypeOf("OpenIdConnect", null, "JWT",
                new[] { "METADATA", "client_id", "response_types" }, new[] { "client_secret" }));
            Assert.Same(TechnicalProfileCatalog.JwtIssuer, TechnicalProfileCatalog.TypeOf("OpenIdConnect", null, "JWT",
                new[] { "client_id", "issuer_refresh_token_user_identity_claim_type" }, new[] { "issuer_secret" }));
            Assert.Same(TechnicalProfileCatalog.JwtIssuer, TechnicalProfileCatalog.TypeOf("OpenIdConnect", null, "JWT", new[] { "METADATA" }, new[] { "issuer_secret" }));
            Assert.Same(TechnicalProfileCatalog.JwtIssuer, TechnicalProfileCatalog.TypeOf("OpenIdConnect", null, "JWT",
                new[] { "issuer_refresh_token_user_identity_claim_type" }, new[] { "issuer_secret", "client_secret" }));
            Assert.Same(TechnicalProfileCatalog.Saml2, TechnicalProfileCatalog.TypeOf("SAML2", null, "SAML2", new[] { "PartnerEntity" }, Array.Empty<string>()));
            Assert.Null(TechnicalProfileCatalog.TypeOf("Proprietary", null, null));
        }

        [Fact]
        public void EveryProfileTypeCitesItsPageAndRequiredKeysAreKnown()
        {
            foreach (var type in TechnicalProfileCatalog.AllTypes)
            {
                Assert.StartsWith("https://learn.microsoft.com/azure/active-directory-b2c/", type.DocsPage);
                Assert.All(type.Metadata, m => Assert.True(type.KnowsMetadata(m.Key)));
                Assert.All(type.Metadata.Where(m => m.AllowedValues != null), m => Assert.NotEmpty(m.AllowedValues!));
            }
            Assert.True(TechnicalProfileCatalog.SelfAsserted.KnowsMetadata("language.button_continue"));
            Assert.False(TechnicalProfileCatalog.SelfAsserted.KnowsMetadata("language."));
            Assert.True(TechnicalProfileCatalog.OpenIdConnect.FindMetadata("response_types")!.Allows("code id_token"));
            Assert.False(TechnicalProfileCatalog.OpenIdConnect.FindMetadata("response_types")!.Allows("code idtoken"));
        }
    }
}
