package org.sscard.reception.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command, its {@code --name value} options, its flags and its positional arguments. Nothing secret or personal
 * is among them: the PIN, the provisional SSN and the date of birth come on standard input, because the arguments
 * of a process are visible to every user of the machine ({@code ps}).
 */
final class Arguments {

    /** What each command accepts: options with a value, flags without, and how many positional arguments. */
    record Grammar(Set<String> options, Set<String> flags, int positional) {}

    private final String command;
    private final Map<String, String> options;
    private final Set<String> flags;
    private final List<String> positional;

    private Arguments(String command, Map<String, String> options, Set<String> flags, List<String> positional) {
        this.command = command;
        this.options = options;
        this.flags = flags;
        this.positional = positional;
    }

    static Arguments parse(List<String> args, Map<String, Grammar> grammars) {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = args.get(0);
        Grammar grammar = grammars.get(command);
        if (grammar == null) {
            throw new UsageException(
                    command.startsWith("--") ? "the command comes first" : "unknown command '" + command + "'");
        }
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
            } else if (grammar.flags().contains(arg.substring(2))) {
                if (!flags.add(arg.substring(2))) {
                    throw new UsageException(arg + " is given twice");
                }
            } else if (grammar.options().contains(arg.substring(2))) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                if (options.put(arg.substring(2), args.get(++i)) != null) {
                    throw new UsageException(arg + " is given twice");
                }
            } else {
                throw new UsageException(command + " has no option " + arg);
            }
        }
        if (positional.size() != grammar.positional()) {
            throw new UsageException(
                    grammar.positional() == 0
                            ? "unexpected argument '" + positional.get(0) + "'"
                            : command + " takes " + grammar.positional() + " file name(s), got " + positional.size());
        }
        return new Arguments(command, options, flags, positional);
    }

    String command() {
        return command;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new UsageException(command + " needs --" + name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }

    /** A PKCS#11 slot index: the position in the token's slot list, as {@code pkcs11-tool --slot-index}. */
    int slotIndex(String name) {
        try {
            int index = Integer.parseInt(required(name));
            if (index < 0) {
                throw new NumberFormatException();
            }
            return index;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " is a slot index (0, 1, ...)");
        }
    }

    /** Exactly one of two ways to name something (e.g. a card file or a token); {@code first} true for the first. */
    boolean oneOf(String first, String second) {
        boolean hasFirst = options.containsKey(first);
        boolean hasSecond = options.containsKey(second);
        if (hasFirst == hasSecond) {
            throw new UsageException(
                    command + " needs either --" + first + " or --" + second + (hasFirst ? ", not both" : ""));
        }
        return hasFirst;
    }
}
