package io.opsflow.customerintake;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.opsflow.circleci.CircleCi;
import io.opsflow.github.GitHub;

/** GitHub and CircleCI as configured (or simulated); a step that needs one that is not fails with what to set. */
@Component
class GitHubAccess {

    private final ObjectProvider<GitHub> gitHub;
    private final ObjectProvider<CircleCi> circleCi;

    GitHubAccess(ObjectProvider<GitHub> gitHub, ObjectProvider<CircleCi> circleCi) {
        this.gitHub = gitHub;
        this.circleCi = circleCi;
    }

    GitHub gitHub() {
        GitHub client = gitHub.getIfAvailable();
        if (client == null) {
            throw new IllegalStateException("GitHub is not configured (opsflow.github, token in OPSFLOW_GITHUB_TOKEN)");
        }
        return client;
    }

    CircleCi circleCi() {
        CircleCi client = circleCi.getIfAvailable();
        if (client == null) {
            throw new IllegalStateException("CircleCI is not configured (opsflow.circleci, token in OPSFLOW_CIRCLECI_TOKEN)");
        }
        return client;
    }
}
