package org.sscard.issuer.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command and its {@code --name value} options, and {@code --name} flags ({@link #FLAGS}, no value). Only named
 * options are accepted, and nothing secret is among them: personal IDs, enrolment codes and PINs are read from stdin
 * or a file, because the arguments of a process are visible to every user of the machine ({@code ps}).
 */
final class CliArguments {

    static final Set<String> GLOBAL = Set.of("issuer-url", "auth-url", "data-dir");

    /** Options that take no value: present or not (a value after them would be a secret on the command line). */
    static final Set<String> FLAGS = Set.of("enrolment-code");

    /** A wrong command line: exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private final String command;
    private final Map<String, String> options;

    private CliArguments(String command, Map<String, String> options) {
        this.command = command;
        this.options = options;
    }

    static CliArguments parse(List<String> args, Map<String, Set<String>> optionsOfCommand) {
        String command = null;
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                boolean known = GLOBAL.contains(name)
                        || optionsOfCommand.values().stream().anyMatch(names -> names.contains(name));
                if (known && FLAGS.contains(name)) {
                    if (options.put(name, "") != null) {
                        throw new UsageException("--" + name + " is given twice");
                    }
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException(known ? "--" + name + " needs a value" : "unknown option --" + name);
                }
                if (options.put(name, args.get(++i)) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            } else if (command == null) {
                command = arg;
            } else {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
        }
        if (command == null || !optionsOfCommand.containsKey(command)) {
            throw new UsageException(command == null ? "no command given" : "unknown command '" + command + "'");
        }
        for (String name : options.keySet()) {
            if (!GLOBAL.contains(name) && !optionsOfCommand.get(command).contains(name)) {
                throw new UsageException(command + " has no option --" + name);
            }
        }
        return new CliArguments(command, options);
    }

    String command() {
        return command;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new UsageException(command + " needs --" + name));
    }

    /** A card serial as the issuer names cards; checked here so that it is safe in a URL path. */
    String cardSerial(String name) {
        String serial = required(name);
        if (!serial.matches("[A-Za-z0-9-]{4,40}")) {
            throw new UsageException("--" + name + " is 4-40 letters, digits or hyphens");
        }
        return serial;
    }

    int integer(String name) {
        try {
            return Integer.parseInt(required(name));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " is a number");
        }
    }
}
