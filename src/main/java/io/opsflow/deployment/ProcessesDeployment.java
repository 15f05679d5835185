package io.opsflow.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every {@code .bpmn}, {@code .dmn} and {@code .form} under {@code processes/} at start-up.
 * Only changed files make new versions; a changed model is deployed together with the forms it
 * binds with {@code formRefBinding="deployment"} (and a changed form with the models binding it),
 * because that binding looks the form up in the model's own deployment.
 */
@Component
public class ProcessesDeployment implements InitializingBean {

    public static final String DEPLOYMENT_NAME = "opsflow-processes";
    private static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");
    private static final Logger log = LoggerFactory.getLogger(ProcessesDeployment.class);

    private final RepositoryService repositoryService;
    private final StartupLock startupLock;
    private final ProcessesProperties properties;
    private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ProcessesDeployment(RepositoryService repositoryService, StartupLock startupLock, ProcessesProperties properties) {
        this.repositoryService = repositoryService;
        this.startupLock = startupLock;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        startupLock.runExclusively(() -> deploy(properties.location(), DEPLOYMENT_NAME));
    }

    /** Deploys what changed under {@code location}; returns the new deployment, or null if nothing changed. */
    public Deployment deploy(String location, String deploymentName) {
        SortedMap<String, byte[]> models = scan(location);
        Map<String, byte[]> deployed = latestDeployed(deploymentName, models.keySet());
        Set<String> changed = new TreeSet<>();
        models.forEach((name, content) -> {
            if (!Arrays.equals(content, deployed.get(name))) {
                changed.add(name);
            }
        });
        if (changed.isEmpty()) {
            log.info("Processes unchanged: {} files under {} already deployed", models.size(), location);
            return null;
        }
        Set<String> toDeploy = FormBindings.of(models).withBoundPartners(changed);
        DeploymentBuilder builder = repositoryService.createDeployment().name(deploymentName).source("opsflow");
        toDeploy.forEach(name -> builder.addString(name, new String(models.get(name), java.nio.charset.StandardCharsets.UTF_8)));
        Deployment deployment = builder.deploy();
        log.info("Deployed {} of {} files under {} (changed: {}): deployment {}",
                toDeploy.size(), models.size(), location, changed, deployment.getId());
        return deployment;
    }

    private SortedMap<String, byte[]> scan(String location) {
        String root = location.endsWith("/") ? location : location + "/";
        SortedMap<String, byte[]> models = new TreeMap<>();
        try {
            for (Resource base : resolver.getResources(root)) {
                String baseUri = uriOf(base);
                for (String suffix : SUFFIXES) {
                    for (Resource model : resolver.getResources(baseUri + "**/*" + suffix)) {
                        String name = uriOf(model).substring(baseUri.length());
                        try (InputStream in = model.getInputStream()) {
                            models.put(name, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read process models from " + location, e);
        }
        return models;
    }

    private static String uriOf(Resource resource) throws IOException {
        String uri = resource.isFile()
                ? resource.getFile().getCanonicalFile().toURI().toString()
                : resource.getURL().toString();
        return resource.isFile() && resource.getFile().isDirectory() && !uri.endsWith("/") ? uri + "/" : uri;
    }

    /** The latest deployed content of each name, searching this deployment name's history newest first. */
    private Map<String, byte[]> latestDeployed(String deploymentName, Set<String> names) {
        Map<String, byte[]> latest = new HashMap<>();
        Set<String> missing = new TreeSet<>(names);
        List<Deployment> history = new ArrayList<>(repositoryService.createDeploymentQuery()
                .deploymentName(deploymentName).orderByDeploymentTime().desc().list());
        for (Deployment deployment : history) {
            if (missing.isEmpty()) {
                break;
            }
            for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                if (missing.remove(name)) {
                    try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), name)) {
                        latest.put(name, in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return latest;
    }
}
