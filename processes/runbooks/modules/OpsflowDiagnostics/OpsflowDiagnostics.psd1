@{
    RootModule        = 'OpsflowDiagnostics.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '6f0d5c7e-3b1a-4c52-9a57-0e2f4c8b9d11'
    Author            = 'opsflow'
    Description       = 'Output contract (opsflow.diagnostics/v1) and metric reading shared by the opsflow diagnostic runbooks.'
    PowerShellVersion = '7.4'
    RequiredModules   = @('Az.Monitor')
    FunctionsToExport = @('Start-OpsflowDiagnostics', 'Limit', 'Limit-Lines', 'Add-Check', 'Write-Diagnostics', 'Get-MetricValues', 'Add-MetricCheck', 'Get-Level')
}
