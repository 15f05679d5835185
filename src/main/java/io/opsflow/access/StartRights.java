package io.opsflow.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * Who may start a process, as its model says: {@code camunda:candidateStarterGroups} and
 * {@code camunda:candidateStarterUsers} (what Tasklist offers, here enforced). Neither set: opsflow
 * starts it, nobody else.
 */
record StartRights(Set<String> groups, Set<String> users) {

    static StartRights of(ProcessDefinitionEntity definition) {
        return new StartRights(texts(definition.getCandidateStarterGroupIdExpressions()),
                texts(definition.getCandidateStarterUserIdExpressions()));
    }

    private static Set<String> texts(Set<Expression> expressions) {
        return expressions == null ? Set.of() : expressions.stream().map(Expression::getExpressionText)
                .flatMap(text -> java.util.Arrays.stream(text.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    boolean isSystemOnly() {
        return groups.isEmpty() && users.isEmpty();
    }

    boolean allows(String userId, List<String> groupIds) {
        return users.contains(userId) || (groupIds != null && groupIds.stream().anyMatch(groups::contains));
    }

    String describe() {
        return "groups " + groups + (users.isEmpty() ? "" : " or users " + users);
    }
}
