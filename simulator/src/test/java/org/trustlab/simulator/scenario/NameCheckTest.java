package org.trustlab.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;

/**
 * A misspelt name would load and run and quietly do nothing (the device logs user-action-ignored, an expectation can
 * never be met, a never can never be broken): each is refused at load with its place and the name meant.
 */
class NameCheckTest {
    /** happy-path.yaml's core: a phone auto-joins through the laptop. */
    private static final String AUTOJOIN = """
            protocol: autojoin
            devices:
              - {name: phone, role: requester}
              - {name: laptop, role: validator}
              - {name: server, role: server}
            setup:
              profile: ed25519
              sessions:
                S1: {password: Correct-Horse, members: [laptop]}
              trust:
                - {device: laptop, trusts: [phone]}
                - {device: phone, trusts: [laptop]}
              grants:
                - {owner: laptop, trusted: phone, scope: AutoJoin}
            actions:
              - {at: 1s, device: phone, action: auto-join, args: {session: S1, validator: laptop}}
            attacker:
              steps:
                - {op: drop, match: {tag: AutoJoinChallengeResponse}}
                - {at: 2s, op: inject, to: laptop, from: server, message: {type: challenge-response, sign-with: attacker}}
            expect:
              - {device: laptop, outcome: auto-join, result: rejected, reason: CHALLENGE_REPLAYED}
              - {invariant: autojoin.no-replay, holds: true}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            user action typo         | action: auto-join,        | action: auto-jion,         | s.yaml:16:37: unknown autojoin user action 'auto-jion' (did you mean 'auto-join'?)
            argument key typo        | args: {session: S1        | args: {sesion: S1          | s.yaml:16:55: unknown argument 'sesion' of auto-join (did you mean 'session'?)
            reason code typo         | reason: CHALLENGE_REPLAYED| reason: CHALENGE_REPLAYED  | s.yaml:22:68: unknown autojoin reason code 'CHALENGE_REPLAYED' (did you mean 'CHALLENGE_REPLAYED'?)
            unknown outcome          | outcome: auto-join,       | outcome: autojoin,         | s.yaml:22:31: unknown autojoin outcome 'autojoin' (did you mean 'auto-join'?)
            unknown invariant        | autojoin.no-replay        | autojoin.no-replays        | s.yaml:23:17: unknown autojoin invariant 'autojoin.no-replays' (did you mean 'autojoin.no-replay'?)
            unknown message tag      | tag: AutoJoinChallengeResponse | tag: AutoJoinChallengeRespons | s.yaml:19:31: unknown autojoin message 'AutoJoinChallengeRespons' (did you mean 'AutoJoinChallengeResponse'?)
            unknown forgery type     | type: challenge-response  | type: challenge-responce   | s.yaml:20:70: unknown autojoin forgery type 'challenge-responce' (did you mean 'challenge-response'?)
            unknown forgery key      | sign-with: attacker       | sing-with: attacker        | s.yaml:20:90: unknown key 'sing-with' of a challenge-response forgery (did you mean 'sign-with'?)
            unknown signing key      | sign-with: attacker       | sign-with: laptp           | s.yaml:20:101: unknown signing key 'laptp' (did you mean 'laptop'?)
            a key it does not hold   | sign-with: attacker       | sign-with: phone           | s.yaml:20:101: the attacker does not hold phone's generation-0 key at 2s
            audit type typo          | outcome: auto-join, result: rejected, reason: CHALLENGE_REPLAYED | audit: challenge-isued | s.yaml:22:29: unknown autojoin audit event 'challenge-isued' (did you mean 'challenge-issued'?)
            match key the protocol lacks | {device: laptop, outcome | {device: laptop, peer: phone, outcome | s.yaml:22:22: autojoin events carry no peer
            unknown field            | {device: laptop, outcome | {device: laptop, fields: {requestor: phone}, outcome | s.yaml:22:31: unknown autojoin field 'requestor' (did you mean 'requester'?)
            """)
    void aMisspeltNameIsRefusedWithTheNameMeant(String what, String from, String to, String expected) {
        String yaml = AUTOJOIN.replace(from.strip(), to.strip());
        assertThat(yaml).as(what).isNotEqualTo(AUTOJOIN);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ScenarioLoader(ProtocolBindings.standard()).parse(yaml, "s.yaml"));
        assertThat(e.getMessage()).as(what).startsWith(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the scenario as it is    | x | x
            a never                  | - {invariant: autojoin.no-replay, holds: true} | - {never: {device: laptop, outcome: auto-join, result: accepted, session: S1, target: laptop}}
            a count and an order     | - {invariant: autojoin.no-replay, holds: true} | - {id: asked, device: phone, audit: auto-join-requested, fields: {requester: phone}, count: 1, before: x}\\n  - {id: x, device: laptop, audit: challenge-issued}
            """)
    void theRightNamesLoad(String what, String from, String to) {
        String yaml = AUTOJOIN.replace(from.strip(), to.strip().replace("\\n", "\n"));
        new ScenarioLoader(ProtocolBindings.standard()).parse(yaml, "s.yaml");
    }
}
