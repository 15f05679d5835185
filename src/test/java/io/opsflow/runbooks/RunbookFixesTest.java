package io.opsflow.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The catalog runbooks are honest about failure and safe to re-run, read as text (no PowerShell
 * here): each test pins the statement a fix depends on, so removing it fails the build.
 */
class RunbookFixesTest {

    @Test
    void removingAnOperatorFailsWhenTheUpnDoesNotResolve() {
        String script = code("Remove-OperatorAccount");
        int lookup = script.indexOf("$user = Get-AzADUser -UserPrincipalName $UserPrincipalName");
        assertThat(lookup).isPositive();
        assertThat(script.substring(lookup)).containsPattern("^[^\\n]+\\nif \\(-not \\$user\\) \\{\\s*throw \"No Entra ID user");
        assertThat(script).as("only a resolved user who is no member counts as removed")
                .contains("if ($members -notcontains $user.Id) {").doesNotContain("-not $user -or");
    }

    @Test
    void nsgRunbooksChangeOnlyTheirRuleThroughTheChildResource() {
        for (String runbook : List.of("Add-AzureNsgRule", "Remove-AzureNsgRule")) {
            String script = code(runbook);
            assertThat(script).as(runbook).doesNotContain("Set-AzNetworkSecurityGroup").doesNotContain("Add-AzNetworkSecurityRuleConfig")
                    .doesNotContain("Remove-AzNetworkSecurityRuleConfig")
                    .contains("$rulePath = \"$nsgPath/securityRules/$RuleName\"").contains("Invoke-AzRestMethod")
                    // Invoke-AzRestMethod does not throw on 4xx/5xx: the answer must be checked.
                    .contains("if ($response.StatusCode -ge 400 -and $response.StatusCode -ne 404) {");
            assertThat(writes(script)).as("%s writes only the rule", runbook).isNotEmpty().allMatch(w -> w.endsWith("$rulePath"));
        }
        assertThat(writes(code("Add-AzureNsgRule"))).containsExactly("PUT $rulePath");
        assertThat(writes(code("Remove-AzureNsgRule"))).containsExactly("DELETE $rulePath");
        assertThat(code("Add-AzureNsgRule")).as("an existing different rule is never overwritten")
                .containsPattern("if \\(-not \\$same\\) \\{\\s*throw");
    }

    @Test
    void scalingRefusesADatabaseInAnElasticPool() {
        String script = code("Set-AzureSqlDatabaseScale");
        int refusal = script.indexOf("if ($db.ElasticPoolName) {");
        assertThat(refusal).isPositive();
        assertThat(script.substring(refusal)).startsWith("if ($db.ElasticPoolName) {\n    throw \"Database $DatabaseName");
        assertThat(refusal).as("checked before anything is changed").isLessThan(script.indexOf("Set-AzSqlDatabase "));
    }

    @Test
    void resizingNeverReportsSuccessWhileAVmThatWasRunningIsStopped() {
        String script = code("Resize-AzureVM");
        int finalCheck = script.indexOf("if ($wasRunning -and $power -ne 'VM running') {\n    throw");
        assertThat(finalCheck).as("a final power check that throws").isPositive();
        Matcher output = Pattern.compile("Write-Output").matcher(script);
        while (output.find()) {
            assertThat(output.start()).as("every result line comes after the final power check").isGreaterThan(finalCheck);
        }
        assertThat(script).as("no early exit skips that check").doesNotContainPattern("(?m)^\\s*return\\b");
        // A re-run after "resized but not started" knows the VM was running from the tag the first job left.
        assertThat(script).contains("$restartTag = 'opsflow-resize-restart'").contains("$wasRunning = $pendingStart -or")
                .containsPattern("if \\(\\$wasRunning -and -not \\$tagged\\) \\{\\s*Set-RestartTag \\$true");
        assertThat(script.indexOf("Set-RestartTag $true")).as("tagged before it is deallocated")
                .isLessThan(script.indexOf("Stop-AzVM -ResourceGroupName"));
    }

    @Test
    void theReadmeTargetsThePowerShell74RuntimeAndSaysTheRunbooksWereNotRunAgainstAzure() {
        String readme = DiagnosticRunbooks.readme();
        assertThat(readme).contains("**PowerShell 7.4**").contains("**Az 12.3.0**").contains("Not run against real Azure from this repository")
                .doesNotContain("-Type PowerShell72 -Published");
    }

    /** The script without its comment-based help and comments, so prose cannot satisfy a check. */
    private static String code(String runbook) {
        return DiagnosticRunbooks.script(runbook).replaceAll("(?s)<#.*?#>", "").replaceAll("(?m)^\\s*#.*$", "");
    }

    /** The ARM writes of a script's Invoke-Arm helper calls: "PUT $rulePath". */
    private static List<String> writes(String script) {
        return Pattern.compile("Invoke-Arm (PUT|DELETE|PATCH|POST) (\\$\\w+)").matcher(script).results()
                .map(m -> m.group(1) + " " + m.group(2)).toList();
    }
}
