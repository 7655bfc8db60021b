package uk.rcc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Creates the first administrator from RCC_ADMIN_USERNAME / RCC_ADMIN_PASSWORD when no account exists yet. */
@Component
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final Environment environment;
    private final AccountStore accounts;

    AdminBootstrap(Environment environment, AccountStore accounts) {
        this.environment = environment;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = environment.getProperty("RCC_ADMIN_USERNAME", "");
        String password = environment.getProperty("RCC_ADMIN_PASSWORD", "");
        if (username.isBlank() || password.isBlank() || accounts.anyAccount()) {
            return;
        }
        if (password.length() < 12) {
            throw new IllegalStateException("RCC_ADMIN_PASSWORD must have at least 12 characters");
        }
        accounts.createOrReplace(username, password, Role.ADMIN, null, "Administrator");
        log.info("Created the first administrator account '{}'", username);
    }
}
