package uk.rcc.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts PostgreSQL inside the process when no external database is configured
 * ({@code SPRING_DATASOURCE_URL} unset). Data lives in {@code rcc.embedded-database.directory} so it survives
 * restarts; an empty directory setting gives a throw-away database (tests).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment environment) throws IOException {
        String directory = environment.getProperty("rcc.embedded-database.directory", "");
        int port = environment.getProperty("rcc.embedded-database.port", Integer.class, 0);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", directory.isBlank() ? "off" : "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (!directory.isBlank()) {
            Path dataDirectory = Path.of(directory.replaceFirst("^~", System.getProperty("user.home")));
            Files.createDirectories(dataDirectory.getParent());
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL keeps its data in {}", dataDirectory);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(environment.getProperty("rcc.embedded-database.pool-size", Integer.class, 10));
        config.setPoolName("embedded");
        // PostgreSQL's error details quote refused rows (a child's date of birth, locations): kept out of
        // exceptions and so out of the logs. The same is set for an external database in application.properties.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        return new HikariDataSource(config);
    }

    /** True when the operator has not pointed the service at an external PostgreSQL. */
    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
