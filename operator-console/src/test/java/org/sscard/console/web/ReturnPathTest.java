package org.sscard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "Back" from an error leads to the page it belongs to, made from the path alone. */
class ReturnPathTest {

    @Test
    void leadsBackToTheResidentTheMemberListOrHome() {
        String person = "5e1d3c1a-7d0e-4f55-9a37-0c7c1b2d3e4f";
        assertThat(ReturnPath.of("/residents/" + person + "/cards/C-1/revoke")).isEqualTo("/residents/" + person);
        assertThat(ReturnPath.of("/residents/" + person)).isEqualTo("/residents");
        assertThat(ReturnPath.of("/residents/search")).isEqualTo("/residents");
        assertThat(ReturnPath.of("/insurers/kameda-kenpo/members/x/end")).isEqualTo("/insurers/kameda-kenpo/members");
        String v = "/insurers/kameda-kenpo/dependants/9c18ee7a-2863-41bd-9c41-05b72ee5fea9";
        assertThat(ReturnPath.of(v + "/accept")).isEqualTo(v);
        assertThat(ReturnPath.of(v)).isEqualTo("/insurers/kameda-kenpo/dependants");
        String r = "/insurers/kameda-kenpo/link-reviews/3f2a1b0c-5d6e-4f70-8192-a3b4c5d6e7f8";
        assertThat(ReturnPath.of(r + "/decision")).isEqualTo(r);
        assertThat(ReturnPath.of(r)).isEqualTo("/insurers/kameda-kenpo/link-reviews");
        assertThat(ReturnPath.of("/insurers/kameda-kenpo/link-reviews")).isEqualTo("/insurers/kameda-kenpo/members");
        assertThat(ReturnPath.of("/insurers/kameda-kenpo/members/loss")).isEqualTo("/insurers/kameda-kenpo/members");
        assertThat(ReturnPath.of("/insurers/kameda-kenpo/linkage")).isEqualTo("/insurers/kameda-kenpo/members");
        assertThat(ReturnPath.of("//evil.example/x")).isEqualTo("/home");
        assertThat(ReturnPath.of(null)).isEqualTo("/home");
    }
}
