package uk.rcc.system;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, each locked through ShedLock's table in PostgreSQL so that, on several instances, only one
 * runs a given job. Lock times use the database clock, so instances' clocks need not agree. A lock names the
 * instance holding it as the run rows do (RCC_INSTANCE_ID, else the host name), so on one host it says which.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT2H")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(
            DataSource dataSource,
            @org.springframework.beans.factory.annotation.Value("${rcc.instance-id:}") String configuredInstanceId) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(InstanceName.of(configuredInstanceId))
                .build());
    }
}
