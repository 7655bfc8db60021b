package uk.rcc.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After signing in with a temporary password, the session may only set a new password: API requests get a 403
 * problem saying so, pages redirect to the password page. Runs after Spring Security's filters.
 */
@Component
class PasswordChangeRequiredFilter extends OncePerRequestFilter {
    private static final List<String> ALLOWED = List.of(
            "/api/account/password",
            "/api/ui-session",
            "/password.html",
            "/css/",
            "/js/",
            "/img/",
            "/webjars/",
            "/logout",
            "/login",
            "/favicon.ico",
            "/error",
            "/actuator/health");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (session == null
                || session.getAttribute(PasswordChange.REQUIRED) == null
                || ALLOWED.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/") || !"GET".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Password change required\","
                            + "\"status\":403,\"detail\":\"Set a new password first: an administrator gave you a temporary "
                            + "one.\",\"instance\":\"" + path.replaceAll("[^A-Za-z0-9/_.\\-]", "") + "\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/password.html");
    }
}
