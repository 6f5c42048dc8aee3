package org.sscard.adapters.imports;

import java.util.List;
import org.springframework.stereotype.Component;
import org.sscard.adapters.error.ImportException;
import org.sscard.adapters.provider.Provider;

/** The kinds of file each kind of provider takes in. */
@Component
class ImportSpecs {

    private final List<ImportSpec> specs;

    ImportSpecs(List<ImportSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    ImportSpec find(Provider provider, String kind) {
        return specs.stream()
                .filter(s -> s.providerKind() == provider.kind() && s.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new ImportException(
                        provider.key() + " takes no '" + kind + "' files; it takes " + kinds(provider)));
    }

    List<String> kinds(Provider provider) {
        return specs.stream()
                .filter(s -> s.providerKind() == provider.kind())
                .map(ImportSpec::kind)
                .sorted()
                .toList();
    }
}
