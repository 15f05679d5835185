package io.opsflow.signin;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Marks every cookie {@code Secure} on a request that reached opsflow over HTTPS, which behind
 * nginx means {@code X-Forwarded-Proto: https} (read by Spring's forwarded-header filter, which
 * runs first). The session cookie is written by Tomcat, which sees only nginx's plain HTTP, and
 * the webapps' {@code XSRF-TOKEN} cookie by Camunda, whose own switch is all-or-nothing; a plain
 * {@code http://localhost:8080} run keeps cookies without the flag, so it still signs in.
 * <p>
 * Tomcat adds the session cookie straight to the response's headers, so the headers are fixed
 * up before anything can commit the response, and once more when the chain returns.
 */
public class SecureCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.isSecure()) {
            chain.doFilter(request, response);
            return;
        }
        SecureCookies secured = new SecureCookies(response);
        chain.doFilter(request, secured);
        secured.secureSetCookieHeaders();
    }

    static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, isSetCookie(name) ? secure(value) : value);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, isSetCookie(name) && value != null ? secure(value) : value);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            secureSetCookieHeaders();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            secureSetCookieHeaders();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            secureSetCookieHeaders();
            super.flushBuffer();
        }

        @Override
        public void sendError(int sc) throws IOException {
            secureSetCookieHeaders();
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            secureSetCookieHeaders();
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            secureSetCookieHeaders();
            super.sendRedirect(location);
        }

        void secureSetCookieHeaders() {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                return;
            }
            List<String> cookies = new ArrayList<>(response.getHeaders(HttpHeaders.SET_COOKIE));
            if (cookies.stream().allMatch(SecureCookieFilter::isSecure)) {
                return;
            }
            // setHeader replaces every Set-Cookie header; the others are added back after it.
            response.setHeader(HttpHeaders.SET_COOKIE, secure(cookies.get(0)));
            for (String cookie : cookies.subList(1, cookies.size())) {
                response.addHeader(HttpHeaders.SET_COOKIE, secure(cookie));
            }
        }

        private static boolean isSetCookie(String name) {
            return HttpHeaders.SET_COOKIE.equalsIgnoreCase(name);
        }
    }

    static String secure(String setCookie) {
        return isSecure(setCookie) ? setCookie : setCookie + "; Secure";
    }

    private static boolean isSecure(String setCookie) {
        for (String attribute : setCookie.split(";")) {
            if (attribute.trim().toLowerCase(Locale.ROOT).equals("secure")) {
                return true;
            }
        }
        return false;
    }
}
