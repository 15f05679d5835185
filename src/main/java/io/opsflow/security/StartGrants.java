package io.opsflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import io.opsflow.deployment.ProcessesDeployment;
import io.opsflow.deployment.StartupLock;

/**
 * Grants {@code CREATE_INSTANCE} on a process to the groups its model names as candidate starters,
 * so Tasklist offers it to them; a process naming none is started by opsflow only. The engine
 * enforces the same list on every start (io.opsflow.access), whatever the grants say.
 */
@Component
class StartGrants implements InitializingBean {

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final IdentityBootstrap identities;
    private final StartupLock startupLock;

    /** Takes the deployment and the bootstrap so that processes and groups exist first. */
    StartGrants(RepositoryService repositoryService, IdentityService identityService, IdentityBootstrap identities,
                ProcessesDeployment deployment, StartupLock startupLock) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.identities = identities;
        this.startupLock = startupLock;
    }

    @Override
    public void afterPropertiesSet() {
        startupLock.runExclusively(() -> {
            for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
                for (IdentityLink link : repositoryService.getIdentityLinksForProcessDefinition(definition.getId())) {
                    if (link.getGroupId() != null && identityService.createGroupQuery().groupId(link.getGroupId()).count() > 0) {
                        identities.ensureGrant(link.getGroupId(), Resources.PROCESS_DEFINITION, definition.getKey(),
                                List.of(Permissions.READ, Permissions.CREATE_INSTANCE));
                    }
                }
            }
        });
    }
}
