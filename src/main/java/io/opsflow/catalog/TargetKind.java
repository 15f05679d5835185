package io.opsflow.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of resource a catalog request can change, with the words the approval form uses. */
public enum TargetKind {
    VIRTUAL_MACHINE("virtualMachine", "仮想マシン", "Virtual machine"),
    NETWORK_SECURITY_GROUP("networkSecurityGroup", "ネットワーク セキュリティ グループ", "Network security group"),
    NSG_RULE("nsgRule", "NSG セキュリティ規則", "NSG security rule"),
    SQL_DATABASE("sqlDatabase", "Azure SQL データベース", "Azure SQL database"),
    WEB_APP("webApp", "App Service", "App Service"),
    AVD_SESSION_HOST("avdSessionHost", "AVD セッション ホスト", "AVD session host"),
    USER("user", "ユーザー", "User"),
    GROUP("group", "グループ", "Group");

    private final String yamlName;
    private final String ja;
    private final String en;

    TargetKind(String yamlName, String ja, String en) {
        this.yamlName = yamlName;
        this.ja = ja;
        this.en = en;
    }

    public String yamlName() {
        return yamlName;
    }

    public String ja() {
        return ja;
    }

    public String en() {
        return en;
    }

    static Optional<TargetKind> of(String yamlName) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(yamlName)).findFirst();
    }
}
