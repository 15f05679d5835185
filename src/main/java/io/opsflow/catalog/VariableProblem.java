package io.opsflow.catalog;

import java.util.List;

import io.opsflow.messages.Messages;

/**
 * One thing wrong with a RITM variable, named as the requester knows it ({@code vm_name}): a
 * catalogue key ({@code param.*}) and its arguments, put into words in the reader's language.
 */
public record VariableProblem(String variable, String key, List<String> args) {

    public VariableProblem {
        args = List.copyOf(args);
    }

    /** {@code 'VM_01!' は VM 名として使えません（…）} or {@code 'VM_01!' is not a valid VM name (…)}. */
    public String message(Messages.Texts texts) {
        return texts.text(key, args.toArray());
    }
}
