package uk.rcc.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Everything needs a signed-in user except the login page and static assets. The JSON API answers 401 instead
 * of redirecting; state-changing requests need the CSRF token, which the web UI reads from the XSRF-TOKEN cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            org.springframework.beans.factory.ObjectProvider<
                            org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
                    oidcClients,
            OidcAccounts oidcAccounts,
            TwoFactorSignIn twoFactorSignIn)
            throws Exception {
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oidc ->
                    oidc.loginPage("/login").userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts)));
        }
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/login/code", "/login/enrol")
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/login.html",
                                "/oauth2/**",
                                "/login/oauth2/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form ->
                        form.loginPage("/login").successHandler(twoFactorSignIn).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.spa())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: "
                                        + "https:; style-src 'self'; script-src 'self'; object-src 'none'; "
                                        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        return http.build();
    }
}
