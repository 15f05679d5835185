package io.opsflow.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptableObject;

/**
 * Runs a script opsflow ships to another system (a ServiceNow business rule, a Zabbix media type)
 * the way that system does: an ES5 engine (Rhino, like ServiceNow's classic engine and close to
 * Zabbix's Duktape) with the server objects the script may use, given as Java stand-ins.
 */
public final class Es5 {

    private Es5() {
    }

    /**
     * Evaluates the files in order in one scope holding {@code globals} (Java objects are visible
     * to the script under those names) and returns the last file's value, converted to Java.
     */
    public static Object run(Map<String, Object> globals, Path... files) {
        Context context = Context.enter();
        try {
            context.setLanguageVersion(Context.VERSION_1_8);
            context.setOptimizationLevel(-1);
            ScriptableObject scope = context.initStandardObjects();
            globals.forEach((name, value) -> ScriptableObject.putProperty(scope, name, Context.javaToJS(value, scope)));
            Object result = null;
            for (Path file : files) {
                result = context.evaluateString(scope, Files.readString(file, StandardCharsets.UTF_8), file.toString(), 1, null);
            }
            return result == null ? null : Context.jsToJava(result, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + e.getMessage(), e);
        } finally {
            Context.exit();
        }
    }
}
