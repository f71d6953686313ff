package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import tools.jackson.databind.json.JsonMapper;

/** Checks that the package's beans exist only when grantflow.sandbox.enabled is true. */
class SandboxEnablementTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withUserConfiguration(ScanSandboxPackage.class);

    @Test
    void sandboxBeansAreAbsentByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SandboxProperties.class);
            assertThat(context).doesNotHaveBean(SandboxStore.class);
            assertThat(context).doesNotHaveBean(SandboxUsers.class);
            assertThat(context).doesNotHaveBean(SandboxGroups.class);
            assertThat(context).doesNotHaveBean(SandboxTokenController.class);
            assertThat(context).doesNotHaveBean(SandboxScimController.class);
        });
    }

    @Test
    void sandboxBeansAreAbsentWhenDisabled() {
        runner.withPropertyValues("grantflow.sandbox.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(SandboxStore.class);
            assertThat(context).doesNotHaveBean(SandboxScimController.class);
        });
    }

    @Test
    void sandboxBeansArePresentWhenEnabled() {
        runner.withPropertyValues("grantflow.sandbox.enabled=true", "grantflow.sandbox.rotate-refresh-tokens=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(SandboxStore.class);
                    assertThat(context).hasSingleBean(SandboxUsers.class);
                    assertThat(context).hasSingleBean(SandboxGroups.class);
                    assertThat(context).hasSingleBean(SandboxTokenController.class);
                    assertThat(context).hasSingleBean(SandboxScimController.class);
                    assertThat(context.getBean(SandboxProperties.class).rotateRefreshTokens()).isTrue();
                    assertThat(context.getBean(SandboxProperties.class).clientId()).isEqualTo("grantflow-sandbox-client");
                });
    }

    @Test
    void blankClientIdFailsValidation() {
        runner.withPropertyValues("grantflow.sandbox.enabled=true", "grantflow.sandbox.client-id= ")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = SandboxStore.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ScanSandboxPackage.class))
    @ConfigurationPropertiesScan(basePackageClasses = SandboxStore.class)
    static class ScanSandboxPackage {
    }
}
