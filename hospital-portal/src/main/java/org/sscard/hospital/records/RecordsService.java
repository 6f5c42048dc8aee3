package org.sscard.hospital.records;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.hospital.audit.AccessLog;
import org.sscard.hospital.audit.AccessLogEntry;

/** Reads a patient's records and access log, each read logged first in the same transaction. */
@Service
class RecordsService {

    static final String RECORDS_READ = "RECORDS_READ";
    static final String SUMMARY_READ = "SUMMARY_READ";
    static final String ACCESS_LOG_READ = "ACCESS_LOG_READ";

    private final RecordsRepository records;
    private final AccessLog accessLog;

    RecordsService(RecordsRepository records, AccessLog accessLog) {
        this.records = records;
        this.accessLog = accessLog;
    }

    @Transactional
    PatientRecords records(CurrentPatient patient, String action) {
        accessLog.record(patient.patientNumber(), patient.accessor(), action);
        return records.find(patient.patientNumber());
    }

    @Transactional
    List<AccessLogEntry> accessLog(CurrentPatient patient) {
        accessLog.record(patient.patientNumber(), patient.accessor(), ACCESS_LOG_READ);
        return accessLog.of(patient.patientNumber());
    }
}
