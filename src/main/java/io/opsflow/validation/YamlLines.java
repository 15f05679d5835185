package io.opsflow.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field in a YAML document composed by SnakeYAML, so that errors found after
 * binding (by Jackson or a validator) can still name the line a person has to fix.
 */
public final class YamlLines {

    private static final Pattern INDEXED = Pattern.compile("([^.\\[]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Node root;

    public YamlLines(Node root) {
        this.root = root;
    }

    /** The 1-based line of the deepest existing node on a path like {@code customers[1].azure.subscriptionIds[0]}. */
    public int lineOf(String fieldPath) {
        Node node = root;
        for (String segment : fieldPath.split("\\.")) {
            Matcher m = INDEXED.matcher(segment);
            if (!m.matches()) {
                break;
            }
            Node child = m.group(1).isEmpty() ? node : valueOf(node, m.group(1));
            if (child == null) {
                break;
            }
            node = child;
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find() && node instanceof SequenceNode sequence) {
                int i = Integer.parseInt(index.group(1));
                if (i >= sequence.getValue().size()) {
                    break;
                }
                node = sequence.getValue().get(i);
            }
        }
        return node.getStartMark().getLine() + 1;
    }

    private static Node valueOf(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }
}
