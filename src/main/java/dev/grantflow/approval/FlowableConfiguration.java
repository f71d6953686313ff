package dev.grantflow.approval;

import dev.grantflow.provisioning.ProvisioningProperties;
import dev.grantflow.request.RequestProgress;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that properties cannot express: the provisioning retry policy.
 */
@Configuration
class FlowableConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> provisioningRetryConfigurer(
            ProvisioningProperties properties, ObjectProvider<RequestProgress> progress) {
        return engine -> {
            // A new job starts with this many attempts; ProvisioningRetryCommand counts down from it.
            engine.setAsyncExecutorNumberOfRetries(properties.retry().maxAttempts());
            engine.setFailedJobCommandFactory((jobId, failure) ->
                    new ProvisioningRetryCommand(jobId, failure, properties.retry(), progress.getObject()));
        };
    }
}
