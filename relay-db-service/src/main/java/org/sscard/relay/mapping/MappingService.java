package org.sscard.relay.mapping;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.web.CommonError;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.mapping.MappingView.MappingStatus;
import org.sscard.relay.person.PersonRef;
import org.sscard.relay.person.PersonService;
import org.sscard.relay.person.PersonView;
import org.sscard.relay.provider.ProviderRef;
import org.sscard.relay.provider.ProviderRegistry;

/** The service-ID mapping: personal ID → each provider's own ID, over time. Dates are Japan's calendar days. */
@Service
public class MappingService {

    /** Mappings are valid from and to calendar days in Japan. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final MappingRepository mappings;
    private final PersonService persons;
    private final ProviderRegistry providers;
    private final AccessLog accessLog;
    private final Clock clock;

    MappingService(
            MappingRepository mappings,
            PersonService persons,
            ProviderRegistry providers,
            AccessLog accessLog,
            Clock clock) {
        this.mappings = mappings;
        this.persons = persons;
        this.providers = providers;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    public MappingView register(UUID personId, MappingRequests.RegisterMapping request) {
        return register(personId, request, "register service ID");
    }

    /** The same, with the access log's purpose when the caller names none (an insurer's enrolment). */
    @Transactional
    public MappingView register(UUID personId, MappingRequests.RegisterMapping request, String purpose) {
        PersonRef person = persons.requireRefForUpdate(personId);
        ProviderRef provider = providers.requireRefForUpdate(request.providerKey());
        ProviderLocalId localId = request.localId().normalisedFor(provider.idScheme());
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw new RelayException(CommonError.INVALID_FIELD, "validTo is before validFrom");
        }
        if (mappings.personHasOverlap(person.id(), provider.id(), request.validFrom(), request.validTo())) {
            throw new RelayException(
                    RelayError.OVERLAPPING_VALIDITY,
                    "the person already has a mapping for '" + provider.key() + "' in that period");
        }
        if (mappings.localIdTakenByOther(
                person.id(), provider.id(), localId.canonical(), request.validFrom(), request.validTo())) {
            throw new RelayException(
                    RelayError.DUPLICATE_MAPPING,
                    "that ID at '" + provider.key() + "' belongs to another person in that period");
        }
        mappings.insert(person.id(), provider.id(), localId, request.validFrom(), request.validTo());
        accessLog.record(person.id(), AccessAction.MAPPING_REGISTER, purpose, provider.key());
        return mappings.validAt(person.id(), provider.key(), request.validFrom())
                .orElseThrow()
                .view();
    }

    @Transactional
    public List<MappingView> ofPerson(UUID personId) {
        PersonRef person = persons.requireRef(personId);
        accessLog.record(person.id(), AccessAction.MAPPINGS_READ, "read service IDs", null);
        return mappings.ofPerson(person.id()).stream()
                .map(MappingRepository.Row::view)
                .toList();
    }

    @Transactional
    public MappingView end(UUID personId, UUID mappingId, MappingRequests.EndMapping request) {
        return end(personId, mappingId, request, "end service ID");
    }

    /** The same, with the access log's purpose when the caller names none (an insurer's end of membership). */
    @Transactional
    public MappingView end(UUID personId, UUID mappingId, MappingRequests.EndMapping request, String purpose) {
        PersonRef person = persons.requireRefForUpdate(personId);
        MappingRepository.Row mapping = mappings.byOpaqueId(person.id(), mappingId)
                .orElseThrow(() -> new RelayException(RelayError.MAPPING_NOT_FOUND, "no such mapping"));
        MappingView view = mapping.view();
        if (view.status() == MappingStatus.ENDED) {
            throw new RelayException(RelayError.INVALID_STATE_CHANGE, "the mapping has already ended");
        }
        LocalDate validTo = request.validTo() != null ? request.validTo() : today();
        if (validTo.isBefore(view.validFrom()) || view.validTo() != null && validTo.isAfter(view.validTo())) {
            throw new RelayException(
                    CommonError.INVALID_FIELD,
                    "validTo must lie between the mapping's validFrom and its current validTo");
        }
        mappings.end(mapping.id(), validTo, request.reason());
        accessLog.record(person.id(), AccessAction.MAPPING_END, purpose, view.providerKey());
        return mappings.byOpaqueId(person.id(), mappingId).orElseThrow().view();
    }

    /** (person, provider) → the provider's own ID valid on the given day (default today). */
    @Transactional
    public MappingView resolve(UUID personId, String providerKey, LocalDate at) {
        MappingRepository.Resolution resolution = mappings.resolve(personId, providerKey, at != null ? at : today())
                .orElseThrow(() -> new RelayException(RelayError.PERSON_NOT_FOUND, "no such person"));
        MappingView view = resolution
                .mapping()
                .orElseThrow(() -> new RelayException(
                        RelayError.MAPPING_NOT_FOUND, "the person has no ID at '" + providerKey + "' on that day"))
                .view();
        accessLog.record(resolution.personId(), AccessAction.RESOLVE, "resolve provider ID", providerKey);
        return view;
    }

    /** (provider, provider's own ID) → the person: ID conversion at reception. */
    @Transactional
    public MappingRequests.ResolvedPerson reverseResolve(String providerKey, MappingRequests.ReverseResolve request) {
        ProviderRef provider = providers.requireRef(providerKey);
        ProviderLocalId localId = request.localId().normalisedFor(provider.idScheme());
        MappingRepository.Row mapping = mappings.byLocalIdAt(
                        provider.id(), localId.canonical(), request.at() != null ? request.at() : today())
                .orElseThrow(() -> new RelayException(
                        RelayError.MAPPING_NOT_FOUND, "nobody has that ID at '" + providerKey + "' on that day"));
        accessLog.record(mapping.personId(), AccessAction.REVERSE_RESOLVE, "ID conversion", providerKey);
        PersonView person = persons.viewOf(mapping.personId());
        return new MappingRequests.ResolvedPerson(
                person.id(), person.nameKana(), person.dateOfBirth(), person.status(), mapping.view());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(JAPAN));
    }
}
