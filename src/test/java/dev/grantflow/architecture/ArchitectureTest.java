package dev.grantflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The package rules: features free of cycles, Flowable inside approval, SCIM and HTTP clients inside
 * provisioning, and no UI code in the domain.
 */
@AnalyzeClasses(packages = "dev.grantflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.grantflow.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule flowableStaysInApproval = noClasses()
            .that().resideOutsideOfPackage("dev.grantflow.approval..")
            .should().dependOnClassesThat().resideInAPackage("org.flowable..");

    @ArchTest
    static final ArchRule httpClientsStayInProvisioning = noClasses()
            .that().resideOutsideOfPackage("dev.grantflow.provisioning..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "org.springframework.web.client..",
                    "org.springframework.http.client..", "org.springframework.security.oauth2.client.endpoint..");

    private static final Set<String> SCIM_TYPES = Set.of("UserResource", "PatchRequest", "ListResponse", "ErrorResponse",
            "ScimClient", "AccessTokenProvider");

    @ArchTest
    static final ArchRule scimTypesStayInProvisioning = noClasses()
            .that().resideOutsideOfPackage("dev.grantflow.provisioning..")
            .should().dependOnClassesThat(DescribedPredicate.describe("SCIM types of the provisioning package",
                    (JavaClass type) -> type.getPackageName().equals("dev.grantflow.provisioning")
                            && SCIM_TYPES.contains(type.getSimpleName())));

    @ArchTest
    static final ArchRule domainHasNoUi = noClasses()
            .that().resideInAnyPackage("dev.grantflow.catalog", "dev.grantflow.request", "dev.grantflow.approval",
                    "dev.grantflow.provisioning", "dev.grantflow.directory", "dev.grantflow.sandbox")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..");

    @ArchTest
    static final ArchRule featuresDoNotUseViewsOfOthers = noClasses()
            .that().resideOutsideOfPackage("dev.grantflow..ui..").and().resideOutsideOfPackage("dev.grantflow.security")
            .should().dependOnClassesThat().resideInAPackage("dev.grantflow..ui..");
}
