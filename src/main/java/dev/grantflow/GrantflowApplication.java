package dev.grantflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts Grantflow: access requests, approvals in Flowable, and SCIM 2.0 provisioning.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GrantflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(GrantflowApplication.class, args);
    }
}
