package org.sscard.adapters.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sscard.adapters.insurer.NoticeYear;
import org.sscard.adapters.pages.Labels;
import org.sscard.adapters.provider.Provider;
import org.sscard.common.time.PlatformDates;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A year's medical-expense notices as a PDF for the medical-expense deduction: the same Thymeleaf markup as the
 * pages (strict XHTML), laid out by openhtmltopdf on PDFBox, with a Japanese TrueType font embedded (the first of
 * {@code sscard.adapters.pdf-fonts} present; Debian: fonts-ipafont-gothic).
 */
@Component
public class NoticePdf {

    private final ITemplateEngine templates;
    private final PlatformDates dates;
    private final Labels labels;
    private final List<Path> fonts;

    NoticePdf(
            ITemplateEngine templates,
            PlatformDates dates,
            Labels labels,
            @Value("${sscard.adapters.pdf-fonts:/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf,"
                            + "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf,"
                            + "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf}")
                    String fonts) {
        this.templates = templates;
        this.dates = dates;
        this.labels = labels;
        this.fonts = java.util.Arrays.stream(fonts.split(","))
                .map(String::strip)
                .filter(f -> !f.isEmpty())
                .map(Path::of)
                .toList();
    }

    /** The font used, or empty when none of the configured fonts is installed. */
    public java.util.Optional<Path> font() {
        return fonts.stream().filter(Files::isReadable).findFirst();
    }

    public byte[] render(Provider provider, String nameKanji, NoticeYear notices) {
        Path font = font().orElseThrow(() -> new IllegalStateException(
                "no Japanese font for PDFs: install fonts-ipafont-gothic or set sscard.adapters.pdf-fonts"));
        Context context = new Context();
        context.setVariable("provider", provider);
        context.setVariable("name", nameKanji);
        context.setVariable("n", notices);
        context.setVariable("dates", dates);
        context.setVariable("labels", labels);
        String xhtml = templates.process("notices-pdf", context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), "JP");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the notices PDF", e);
        }
    }
}
