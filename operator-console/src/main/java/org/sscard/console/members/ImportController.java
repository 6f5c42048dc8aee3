package org.sscard.console.members;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.ImportClient;
import org.sscard.console.backend.ImportReport;
import org.sscard.console.config.ConsoleProperties;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * An insurer's CSV files (eligibility, notices, checkups) to insurer-adapters, with an operator token for the own
 * insurer; the answer is the import's row-level report: accepted, or rejected with each bad row's problems (all or
 * nothing: a rejected file loads no row).
 */
@Controller
class ImportController {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final ImportClient imports;
    private final AdminActions actions;
    private final ConsoleProperties console;

    ImportController(ImportClient imports, AdminActions actions, ConsoleProperties console) {
        this.imports = imports;
        this.actions = actions;
        this.console = console;
    }

    @GetMapping("/insurers/{organisation}/imports")
    @PreAuthorize("hasAuthority('IMPORT_UPLOAD') and @scope.own(authentication, #organisation)")
    String form(@PathVariable String organisation, Model model) {
        return form(model, organisation, new FormErrors(), null);
    }

    @PostMapping("/insurers/{organisation}/imports")
    @PreAuthorize("hasAuthority('IMPORT_UPLOAD') and @scope.own(authentication, #organisation)")
    String upload(
            @PathVariable String organisation,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model)
            throws IOException {
        FormErrors errors = new FormErrors();
        if (kind == null || !console.imports().kinds().contains(kind)) {
            errors.add("kind");
        }
        if (file == null || file.isEmpty()) {
            errors.add("file");
        } else if (file.getSize() > console.imports().maxSize().toBytes()) {
            errors.add("file", "invalid.fileTooLarge");
        }
        String why = Inputs.reason(reason, false, errors);
        if (errors.any()) {
            response.setStatus(400);
            return form(model, organisation, errors, kind);
        }
        byte[] csv = file.getBytes();
        String fileName = fileName(file.getOriginalFilename());
        Acting acting = Acting.of(authentication, client);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("kind", kind);
        before.put("fileName", fileName);
        before.put("bytes", csv.length);
        ImportReport report = actions.change(
                acting.staff(),
                organisation,
                Action.UPLOAD_IMPORT,
                why,
                before,
                () -> imports.upload(acting, organisation, kind, fileName, csv),
                ImportController::recorded);
        model.addAttribute("organisation", organisation);
        model.addAttribute("report", report);
        return "members/import-report";
    }

    private String form(Model model, String organisation, FormErrors errors, String kind) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("kinds", console.imports().kinds());
        model.addAttribute("errors", errors);
        model.addAttribute("kind", kind);
        model.addAttribute("maxMegabytes", console.imports().maxSize().toMegabytes());
        return "members/import";
    }

    /** The file's own name when it is a plain one (it goes into the report and a URL), else a neutral one. */
    static String fileName(String original) {
        if (original == null) {
            return "upload.csv";
        }
        String base = original.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return SAFE_NAME.matcher(base).matches() ? base : "upload.csv";
    }

    private static Object recorded(ImportReport report) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", report.status());
        after.put("kind", report.kind());
        after.put("sha256", report.sha256());
        after.put("rows", report.rows());
        after.put("errorCount", report.errorCount());
        return after;
    }
}
