package org.sscard.relay.staff;

import org.sscard.relay.provider.ProviderType;

/** Staff roles and the kind of organisation each belongs to. */
public enum StaffRole {
    RECEPTION_CLERK(ProviderType.HOSPITAL),
    /** A hospital's administrator: sees the reception desk's flags, and may check at the desk as a clerk does. */
    HOSPITAL_ADMIN(ProviderType.HOSPITAL),
    INSURER_ADMIN(ProviderType.INSURER),
    CITY_ADMIN(null);

    private final ProviderType organisationType;

    StaffRole(ProviderType organisationType) {
        this.organisationType = organisationType;
    }

    /** The provider type this role's organisation must have; null for the city office. */
    ProviderType organisationType() {
        return organisationType;
    }
}
