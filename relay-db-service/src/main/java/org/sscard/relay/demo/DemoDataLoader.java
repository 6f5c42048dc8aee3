package org.sscard.relay.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalId;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.relay.config.DataDirectory;
import org.sscard.relay.mapping.MappingRequests;
import org.sscard.relay.mapping.MappingService;
import org.sscard.relay.mapping.MappingView;
import org.sscard.relay.person.PersonRequests;
import org.sscard.relay.person.PersonService;
import org.sscard.relay.person.PersonView;
import org.sscard.relay.staff.StaffRequests;
import org.sscard.relay.staff.StaffService;
import org.sscard.relay.subscription.SubscriptionRequests;
import org.sscard.relay.subscription.SubscriptionService;

/**
 * Loads the demo residents and staff once (demo profile only), through the same services as the API. The
 * residents' personal IDs are random and written only to {@code <data-dir>/demo/residents.tsv} (owner-only), from
 * where the card issuer makes their demo cards. A staff member added to the demo later is added to an existing demo
 * database at the next start (the card issuer makes their card from the relay's staff register); residents are not.
 */
@Component
@Profile("demo")
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PersonService persons;
    private final MappingService mappings;
    private final SubscriptionService subscriptions;
    private final StaffService staff;
    private final PersonalIdFormat personalIds;
    private final Path demoDirectory;

    DemoDataLoader(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            PersonService persons,
            MappingService mappings,
            SubscriptionService subscriptions,
            StaffService staff,
            PersonalIdFormat personalIds,
            DataDirectory dataDirectory) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.persons = persons;
        this.mappings = mappings;
        this.subscriptions = subscriptions;
        this.staff = staff;
        this.personalIds = personalIds;
        this.demoDirectory = dataDirectory.dataDir().resolve("demo");
    }

    @Override
    public void run(ApplicationArguments args) {
        String marker = DemoData.RESIDENTS.get(0).provisionalSsn();
        if (jdbc.sql("SELECT count(*) FROM person WHERE provisional_ssn = :ssn")
                        .param("ssn", marker)
                        .query(Integer.class)
                        .single()
                > 0) {
            int added = transaction.execute(status -> addMissingStaff());
            log.info("demo data already present; {} staff added", added);
            return;
        }
        List<String> lines = new ArrayList<>(List.of("# opaque-id\tname\tpersonal-id (demo only; never log these)"));
        transaction.executeWithoutResult(status -> {
            DemoData.RESIDENTS.forEach(resident -> lines.add(load(resident)));
            addMissingStaff();
        });
        writeResidents(lines);
        log.info("demo data loaded: {} residents, {} staff", DemoData.RESIDENTS.size(), DemoData.STAFF.size());
    }

    private int addMissingStaff() {
        int added = 0;
        for (DemoData.StaffMember member : DemoData.STAFF) {
            boolean present = staff.ofOrganisation(member.organisation()).stream()
                    .anyMatch(known ->
                            known.role() == member.role() && known.nameKanji().equals(member.nameKanji()));
            if (!present) {
                staff.create(new StaffRequests.CreateStaff(
                        member.organisation(), member.role(), member.nameKanji(), member.nameKana()));
                added++;
            }
        }
        return added;
    }

    private String load(DemoData.Resident resident) {
        PersonalId personalId = personalIds.generate(MunicipalityCode.KAMOGAWA);
        PersonView person = persons.create(new PersonRequests.CreatePerson(
                personalId.digits(),
                resident.nameKana(),
                resident.nameKanji(),
                resident.dateOfBirth(),
                resident.sex(),
                resident.provisionalSsn(),
                resident.address()));
        for (DemoData.Membership membership : resident.memberships()) {
            MappingView mapping = mappings.register(
                    person.id(),
                    new MappingRequests.RegisterMapping(
                            membership.providerKey(), membership.localId(), membership.validFrom(), null));
            if (membership.validTo() != null) {
                // ended the way the city office records a loss: the mapping is ENDED, with its last day
                mappings.end(
                        person.id(),
                        mapping.id(),
                        new MappingRequests.EndMapping(membership.validTo(), "coverage lost"));
            }
            // after the mapping: a resident joins only a provider that knows them today (else NOT_JOINABLE)
            membership
                    .services()
                    .forEach(service -> subscriptions.subscribe(
                            person.id(), new SubscriptionRequests.Subscribe(membership.providerKey(), service)));
        }
        return person.id() + "\t" + resident.nameKanji() + "\t" + personalId.digits();
    }

    private void writeResidents(List<String> lines) {
        try {
            Files.createDirectories(demoDirectory);
            Path file = demoDirectory.resolve("residents.tsv");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo residents file", e);
        }
    }
}
