/**
 * Small services that break (or keep) the shared architecture rules, for {@code ServiceRulesTest}: proof that the
 * rules fail on what they forbid. Not part of the test-jar.
 */
package org.sscard.rulefixtures;
