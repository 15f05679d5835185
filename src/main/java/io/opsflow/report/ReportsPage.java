package io.opsflow.report;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The managers' reports page ({@code static/reports/}) at {@code /reports/}: a static page that signs
 * in against {@code /api/reports} itself, so the page is public and its data is not.
 */
@Configuration
class ReportsPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/reports", "/reports/");
        registry.addViewController("/reports/").setViewName("forward:/reports/index.html");
    }
}
