(ns trustlab.campaign.autojoin
  "Whole autojoin scenarios for campaigns (ByteSync's signed-challenge automatic join): a topology of requesters,
  validators and the session server with their trust and grants, a network profile, clocks skewed to the edges of
  the challenge window, offline windows, crashes inside running joins, user actions (automatic and manual joins,
  revocations, forgotten and rotated keys) and an attacker plan drawn from every op the simulator offers, including
  the attacks the source's acceptance criteria name: replay (in the same and into another session, across a
  validator restart), expiry on the verifier's clock, wrong client, session or purpose, splicing a nonce into
  another run, impersonation with the attacker's own or a compromised old key, relay to another member, and
  revocation while a challenge is outstanding."
  (:require [clojure.string :as str]
            [clojure.test.check.generators :as gen]
            [trustlab.campaign.core :as c]))

(def passwords {"S1" "Correct-Horse" "S2" "Other-Horse"})

(def tags ["AutoJoinChallengeResponse" "AutoJoinChallenge" "AskAutoJoin" "ValidateJoinCloudSessionParameters"
           "FinalizeJoinCloudSessionParameters" "AutoJoinRejected" "AskPasswordExchangeKey"
           "GiveCloudSessionPasswordExchangeKeyParameters" "AskJoinCloudSessionParameters"])

;; The devices a scenario may have, in the order clocks, availability and mailboxes are drawn for.
(def honest-devices ["phone" "tablet" "laptop" "desktop" "server"])

;; ---------------------------------------------------------------------------------------------------------------
;; Topology, trust and grants. phone, laptop and server always exist; tablet (a second requester), desktop (a
;; second validator) and mallory (a requester the attacker registers with its own keys) are optional and shrink
;; away. Everything else is drawn for the largest topology and mapped onto the one drawn.

(def topology
  (c/hash-map-of :tablet gen/boolean
                :desktop gen/boolean
                :mallory (c/frequency [[3 (gen/return false)] [1 (gen/return true)]])))

(def base-topology {:tablet false :desktop false :mallory false})

(defn- stand-ins [topo]
  (cond-> {}
    (not (:tablet topo)) (assoc "tablet" "phone")
    (not (:desktop topo)) (assoc "desktop" "laptop")))

(defn- requesters [topo] (if (:tablet topo) ["phone" "tablet"] ["phone"]))
(defn- validators [topo] (if (:desktop topo) ["laptop" "desktop"] ["laptop"]))

(def grant
  "A grant as the validator holds it: valid in about four pairs out of five (so that most runs have honest joins
  for the attacks to aim at), else with one defect: missing, bound to another key generation, expiring during the
  run, already expired, or revoked. The scope is no defect by itself (it matters only against the purpose asked
  for); broader scopes are common enough that a purpose rewritten in flight is still covered."
  (c/let-gen [defect (c/frequency [[24 (gen/return nil)] [2 (gen/return :missing)] [1 (gen/return :old-generation)]
                                     [2 (gen/return :expiring)] [1 (gen/return :expired)] [1 (gen/return :revoked)]])
              scope (c/frequency [[6 (gen/return "AutoJoin")] [2 (gen/return "AutoInventory")]
                                    [2 (gen/return "AutoSynchronize")]])
              ;; mostly soon after the first join (at most 5 s in), so that a held response races the expiry
              expiring (c/frequency [[2 (gen/choose 500 8000)] [1 (gen/choose 8000 40000)]])]
    {:present (not= defect :missing)
     :scope scope
     :generation (if (= defect :old-generation) 1 0)
     :expires (case defect :expiring (c/ms expiring) :expired "-1s" "30d")
     :revoked (= defect :revoked)}))

(def settings
  (c/hash-map-of
   :profile (c/frequency [[16 (gen/return "ed25519")] [2 (gen/return "bytesync")] [1 (gen/return "hardened")]])
   :key-seed (gen/choose 0 3)
   :ttl (c/frequency [[4 (gen/return 30000)] [1 (gen/elements [2000 5000 10000])]])
   :tolerance (gen/elements [2000 0 500])
   ;; pairs in the order of `pairs`
   :grants (c/fixed-vector grant 4)
   :untrusted (c/fixed-vector (c/frequency [[20 (gen/return false)] [1 (gen/return true)]]) 4)
   :requester-generation (c/fixed-vector (c/frequency [[9 (gen/return 0)] [1 (gen/return 1)]]) 2)
   ;; whether the validators' trust is out of step with the requester's key generation (trusting a newer key than
   ;; the requester uses, or not yet its rotated one): rare, since it makes every join of that requester fail
   :stale-trust (c/fixed-vector (c/frequency [[12 (gen/return false)] [1 (gen/return true)]]) 2)
   ;; at most c/max-offline-percent: availability draws no window above it
   :offline-probability (c/frequency [[3 (gen/return 0.0)] [1 (gen/return 0.1)]
                                      [1 (gen/return (/ c/max-offline-percent 100.0))]])))

(def pairs [["laptop" "phone"] ["laptop" "tablet"] ["desktop" "phone"] ["desktop" "tablet"]])

(defn- rsa? [s] (not= "ed25519" (:profile s)))

(defn- rsa-settings
  "Settings under an RSA profile: no key rotation (a rotated key is another RSA key to generate)."
  [s]
  (-> s
      (assoc :requester-generation [0 0] :stale-trust [false false])
      (update :grants (fn [gs] (mapv #(assoc % :generation 0) gs)))))

(defn- generation-of [s r] (nth (:requester-generation s) (if (= r "phone") 0 1)))

(defn- trusts-rotated?
  "Whether validators list the requester's generation-1 key (newest, so it wins): when the requester rotated,
  unless their trust is stale; when it did not, only if stale."
  [s r]
  (not= (= 1 (generation-of s r)) (nth (:stale-trust s) (if (= r "phone") 0 1))))

(defn- setup [topo s]
  (let [present (set (concat (requesters topo) (validators topo)))
        pair-ok (fn [[v r]] (and (present v) (present r)))]
    {:profile (:profile s)
     :sessions {:S1 {:password (passwords "S1") :members (validators topo)}
                :S2 {:password (passwords "S2") :members ["laptop"]}}
     :trust (vec (concat
                  (for [v (validators topo)
                        :let [ts (for [[i [pv r]] (map-indexed vector pairs)
                                       :when (and (= pv v) (pair-ok [pv r]) (not (nth (:untrusted s) i)))
                                       t (if (trusts-rotated? s r) [r (str r "@1")] [r])]
                                   t)]
                        :when (seq ts)]
                    {:device v :trusts (vec ts)})
                  (for [r (requesters topo)]
                    {:device r :trusts (validators topo)})))
     :grants (vec (for [[i [v r]] (map-indexed vector pairs)
                        :let [g (nth (:grants s) i)]
                        :when (and (pair-ok [v r]) (:present g))]
                    (cond-> {:owner v :trusted r :scope (:scope g) :expires (:expires g)}
                      (pos? (:generation g)) (assoc :generation (:generation g))
                      (= 1 (generation-of s r)) (assoc :generation 1)
                      (:revoked g) (assoc :revoked true))))}))

;; ---------------------------------------------------------------------------------------------------------------
;; User actions: an automatic join first, then a sequence with gaps, so that anchored faults and attacks can aim
;; at "the second join".

(def purposes ["auto-join" "auto-inventory" "auto-synchronize"])

(def auto-join
  ;; S1 has every validator as a member, S2 only the laptop: mostly S1, so that a join through the desktop is
  ;; mostly one it can admit
  (c/let-gen [r (gen/elements ["phone" "tablet"])
              s (c/frequency [[3 (gen/return "S1")] [1 (gen/return "S2")]])
              v (gen/elements ["laptop" "desktop"])
              p (c/frequency [[8 (gen/return "auto-join")] [1 (gen/elements purposes)]])]
    {:device r :action "auto-join" :args {:session s :validator v :purpose p}}))

(def manual-join
  (c/let-gen [r (gen/elements ["phone" "tablet"])
              s (gen/elements ["S1" "S2"])
              pw (c/frequency [[4 (gen/return :correct)] [1 (gen/return :case)] [1 (gen/return :wrong)]])]
    {:device r :action "join"
     :args {:session s :password (case pw
                                   :correct (passwords s)
                                   :case (str/lower-case (passwords s))
                                   :wrong "Not-The-Password")}}))

(def action
  (c/frequency
   [[10 auto-join]
    [2 manual-join]
    [2 (c/let-gen [v (gen/elements ["laptop" "desktop"]) r (gen/elements ["phone" "tablet"])]
         {:device v :action "revoke-grant" :args {:client r}})]
    [1 (c/let-gen [v (gen/elements ["laptop" "desktop"]) r (gen/elements ["phone" "tablet"])]
         {:device v :action "forget-key" :args {:client r}})]
    [1 (c/let-gen [r (gen/elements ["phone" "tablet"])]
         {:device r :action "rotate-key" :args {:generation "1"}})]
    [1 (c/let-gen [v (gen/elements ["laptop" "desktop"])]
         {:device v :action "rotate-key" :args {:generation "1"}})]]))

(def gap (c/frequency [[3 (gen/choose 0 3000)] [2 (gen/choose 3000 20000)]]))

(def actions
  (c/let-gen [first-at (gen/choose 0 5000)
              ;; mostly an automatic join, sometimes a manual one (the password's exposure starts there)
              first-action (c/frequency [[6 auto-join] [1 manual-join]])
              more (gen/vector (c/tuple action gap) 0 4)]
    (let [times (reductions + first-at (map second more))]
      (mapv (fn [a t] (assoc a :at-ms t)) (cons first-action (map first more)) times))))

(def crash
  "A crash anchored to an action, so that most land while its challenge is outstanding; usually a restart."
  (c/let-gen [device (gen/elements ["laptop" "phone" "server" "desktop" "tablet"])
              k c/anchor
              d (gen/choose 0 3000)
              restart (c/frequency [[6 (gen/choose 100 5000)] [1 (gen/return nil)]])]
    {:anchor k :delay d :device device :restart-after restart}))

;; ---------------------------------------------------------------------------------------------------------------
;; Attack moves: a few steps (and sometimes the faults or user actions they race with) aimed at the run of the
;; action they are anchored to: "$victim" asked "$validator" to join "$session". Each item has a :delay from
;; the anchor in ms.

(def response-to-validator {:from "server" :to "$validator" :tag "AutoJoinChallengeResponse"})
(def challenge-to-victim {:from "server" :to "$victim" :tag "AutoJoinChallenge"})

(def any-match
  (c/let-gen [tag (gen/elements tags)
              side (gen/elements [:to-server :from-server :tag-only])
              d (gen/elements ["$victim" "$validator" "phone" "laptop" "tablet" "desktop"])]
    (case side
      :to-server {:from d :to "server" :tag tag}
      :from-server {:from "server" :to d :tag tag}
      :tag-only {:tag tag})))

(defn- at [delay item] (assoc item :delay delay))

(defn- after-hops
  "An item :delay ms after `hops` network hops from the anchor: a step that must follow the victim's messages
  (\"inject once the victim's challenge is out\") waits for them on a satellite link as on a LAN. Sized at
  assembly from the drawn network (`hop-ms`)."
  [hops delay item]
  (assoc item :delay delay :hops hops))

(defn- parse-ms [text] (Long/parseLong (subs text 0 (- (count text) 2))))

(defn- hop-ms
  "A generous one-way latency of the network: what nearly every hop stays under."
  [net]
  (let [l (get-in net [:spec :latency])]
    (case (:dist l)
      "uniform" (parse-ms (:max l))
      "constant" (parse-ms (:value l))
      "lognormal" (long (* (parse-ms (:median l)) (Math/exp (* 2 (:sigma l)))))
      "exponential" (* 3 (parse-ms (:mean l)))
      200)))

(def state-change
  "Something that changes the validator's mind while a challenge is outstanding. Revocation first and most often:
  it is the source's own case (\"the join is rejected when the grant is ... revoked\") and the one a validator that
  judges the grant only when it issues the challenge gets wrong."
  (c/frequency [[4 (gen/return {:actions [{:device "$validator" :action "revoke-grant" :args {:client "$victim"}}]})]
                  [1 (gen/return {:actions [{:device "$validator" :action "forget-key" :args {:client "$victim"}}]})]
                  [1 (gen/return {:actions [{:device "$validator" :action "rotate-key" :args {:generation "1"}}]})]
                  [1 (gen/return {:actions [{:device "$victim" :action "rotate-key" :args {:generation "1"}}]})]
                  [1 (gen/return {:crashes [{:device "$validator" :restart-after 50}]})]
                  ;; the grant runs out on its own: its expiry is set to this moment (see `expire-grants`)
                  [2 (gen/return {:grant-expiry [{:owner "$validator" :trusted "$victim"}]})]]))

(def substitution
  "What a withheld response's challenge is rewritten to before its (genuine) signature is presented: another
  session, requester or purpose. A validator that acts on the bindings the response claims admits the requester
  to the other session or purpose; the purpose is one a broad grant covers."
  (c/frequency [[4 (gen/return {:session "$other-session"})]
                  [2 (gen/fmap (fn [p] {:purpose p}) (gen/elements ["auto-join" "auto-inventory" "auto-synchronize"]))]
                  [1 (gen/elements [{:requester "tablet"} {:requester "phone"}])]
                  [1 (gen/return {})]]))

(defn- forwarded-challenge
  "Steps of a move: ask `ask` in the victim's name, drop the victim's challenge and response, hand the victim the
  attacker's challenge rewritten by `rewrite`, and answer the attacker's challenge with the victim's last signature."
  [lead d1 d2 ask rewrite]
  {:steps [(at (- lead) {:op "inject" :to "$validator" :from "server"
                         :message (merge {:type "ask-auto-join" :claim "$victim" :key "$victim" :instance "attacker"
                                          :validator "$validator"}
                                         ask)})
           (at 0 {:op "drop" :match challenge-to-victim :count 1})
           (after-hops 2 d1 {:op "inject" :to "$victim" :from "server"
                             :message (merge {:type "challenge" :challenge "for:attacker" :nonce-from "for:attacker"
                                              :to "$victim"}
                                             rewrite)})
           (at 0 {:op "drop" :match response-to-validator :count 1})
           (after-hops 2 (+ d1 d2) {:op "inject" :to "$validator" :from "server"
                                    :message {:type "challenge-response" :challenge "for:attacker"
                                              :signature-from "last-response"}})]})

(def ^:private answer-first
  "Answer the victim's challenge before the victim does, with a signature of the attacker's own. The challenge is
  out two hops after the request and the victim's answer in six; one or two generous hops (`hop-ms`) fall between
  on every latency model, and the extra delay is kept to a few ms so that a LAN's join does not finish first."
  (c/let-gen [hops (gen/choose 1 2)
              d (gen/choose 0 3)]
    {:steps [(after-hops hops d {:op "inject" :to "$validator" :from "server"
                                 :message {:type "challenge-response" :challenge "for:$victim"
                                           :sign-with "attacker"}})]}))

(def ^:private forged-refusal
  "End the victim's join with a refusal in its validator's name, between its request and its session key."
  (c/let-gen [hops (gen/choose 1 5)
              d (gen/choose 0 100)
              reason (gen/elements ["GRANT_REVOKED" "CHALLENGE_EXPIRED" "WRONG_TARGET"])]
    {:steps [(after-hops hops d {:op "inject" :to "$victim" :from "server"
                                 :message {:type "rejected" :session "$session" :requester "$victim"
                                           :validator "$validator" :reason reason}})]}))

(defn- move [forgery-menu]
  (c/frequency
   [;; any of the simulator's intercepting ops on any hop
    [2 (c/let-gen [m any-match s (c/intercept m honest-devices) d c/delay-ms]
         {:steps [(at d s)]})]
    ;; replay a recorded message later, to its recipient or to another device (same run, or a later one)
    [3 (c/let-gen [tag (c/frequency [[4 (gen/return "AutoJoinChallengeResponse")] [1 (gen/elements tags)]])
                   to-validator? gen/boolean
                   r (c/replay {:tag tag} honest-devices)
                   d (gen/choose 300 20000)]
         {:steps [(at d (if to-validator? (assoc r :to "$validator") r))]})]
    ;; hold the response (or the challenge) across the edge of the validity window
    [3 (c/let-gen [m (gen/elements [response-to-validator challenge-to-victim])
                   by c/duration]
         {:steps [(at 0 {:op "delay" :match m :count 1 :by by})]})]
    ;; hold the response past the window, by a little or by a lot: a validator that keeps challenges alive longer
    ;; than configured, or forgives more skew than configured, accepts it
    [2 (c/let-gen [past (gen/elements [1 250 2000 20000 120000])]
         {:steps [(at 0 {:op "delay" :match response-to-validator :count 1 :by [:edge :window past]})]})]
    ;; hold the response while the validator's state changes (revocation, forgotten or rotated key, restart): the
    ;; change lands after the challenge went out (two hops) and before the held response arrives (four hops and
    ;; the hold)
    [5 (c/let-gen [by (gen/choose 300 8000)
                   frac (gen/choose 0 95)
                   change state-change]
         (let [when-ms (quot (* by frac) 100)]
           {:steps [(at 0 {:op "delay" :match response-to-validator :count 1 :by (c/ms by)})]
            :actions (mapv #(after-hops 2 when-ms %) (:actions change))
            :crashes (mapv #(after-hops 2 when-ms %) (:crashes change))
            :grant-expiry (mapv #(after-hops 2 when-ms %) (:grant-expiry change))}))]
    ;; restart the validator after (or while) a join, then replay the run's response to it (mostly after the
    ;; join completed: a restart must not reopen a consumed challenge), or hold the response across the restart
    ;; (a join takes six hops: request, challenge, response, each through the server)
    [4 (c/let-gen [d (gen/choose 0 3000)
                   down (gen/choose 100 3000)
                   after (gen/choose 100 3000)
                   hold? (c/frequency [[3 (gen/return false)] [1 (gen/return true)]])]
         {:crashes [(after-hops 6 d {:device "$validator" :restart-after down})]
          :steps [(if hold?
                    (at 0 {:op "delay" :match response-to-validator :count 1 :by (c/ms (+ d down after))})
                    (after-hops 6 (+ d down after) {:op "replay" :match response-to-validator
                                                    :to "$validator"}))]})]
    ;; withhold the response and present its signature for another session, requester or purpose
    [5 (c/let-gen [subst substitution
                   d (gen/choose 500 5000)]
         {:steps [(at 0 {:op "drop" :match response-to-validator :count 1})
                  (at d {:op "inject" :to "$validator" :from "server"
                         :message (merge {:type "challenge-response" :challenge "last"
                                          :signature-from "last-response"} subst)})]})]
    ;; ask in the victim's name with the attacker's key or the victim's (old) key, then answer the challenge
    [3 (c/let-gen [key (gen/elements ["attacker" "$victim" "$victim@0" "$victim@1"])
                   compromise? gen/boolean
                   generation (gen/elements [0 1])
                   sign (gen/elements ["attacker" "$victim@0" "$victim@1" "$victim"])
                   session (gen/elements ["$session" "$other-session"])
                   d1 (gen/choose 0 3000)
                   d2 (gen/choose 200 3000)]
         {:steps [(at d1 {:op "inject" :to "$validator" :from "server"
                          :message {:type "ask-auto-join" :session session :claim "$victim" :key key
                                    :instance "attacker" :validator "$validator"}})
                  (at (+ d1 d2) {:op "inject" :to "$validator" :from "server"
                                 :message {:type "challenge-response" :challenge "for:attacker" :sign-with sign}})]
          :compromise (if compromise? [(at 0 {:device "$victim" :generation generation})] [])})]
    ;; splice: get a challenge of one's own, put its nonce into the victim's challenge, and present the victim's
    ;; signature as the answer to one's own (a signature over the nonce alone would verify)
    ;; (for another session mostly: within the same session the spliced run binds the same fields). The victim's
    ;; challenge is out two hops after its request; the injected one reaches it at once and it answers at once.
    ;; (kept short: the attacker's own challenge must still be fresh when its forged answer comes in)
    [4 (c/let-gen [lead (gen/choose 0 1000)
                   d1 (gen/choose 50 800)
                   d2 (gen/choose 50 1500)
                   session (c/frequency [[3 (gen/return "$other-session")] [1 (gen/return "$session")]])]
         {:steps [(at (- lead) {:op "inject" :to "$validator" :from "server"
                                :message {:type "ask-auto-join" :session session :claim "$victim" :key "$victim"
                                          :instance "attacker" :validator "$validator"}})
                  (at 0 {:op "drop" :match challenge-to-victim :count 1})
                  (after-hops 2 d1 {:op "inject" :to "$victim" :from "server"
                                    :message {:type "challenge" :challenge "for:$victim"
                                              :nonce-from "for:attacker"}})
                  (at 0 {:op "drop" :match response-to-validator :count 1})
                  (after-hops 2 (+ d1 d2) {:op "inject" :to "$validator" :from "server"
                                           :message {:type "challenge-response" :challenge "for:attacker"
                                                     :signature-from "last-response"}})]})]
    ;; a signing oracle: ask in the victim's name for another session or purpose, withhold the victim's challenge and
    ;; hand it the attacker's own (challenges carry no signature), then present whatever the victim signed as the
    ;; answer to the attacker's challenge. A requester that signs only challenges answering its own request refuses.
    [4 (c/let-gen [lead (gen/choose 0 1000)
                   d1 (gen/choose 50 800)
                   d2 (gen/choose 50 1500)
                   ask (c/frequency [[1 (gen/return {:session "$other-session"})]
                                     [1 (gen/fmap (fn [p] {:session "$session" :purpose p})
                                                  (gen/elements ["auto-inventory" "auto-synchronize"]))]])]
         (forwarded-challenge lead d1 d2 ask {}))]
    ;; the same with the attacker's challenge (same session, a purpose a broad grant covers) rewritten to the victim's
    ;; purpose: it answers the victim's request, so the victim signs it, and a signature that left the purpose out
    ;; would answer the attacker's challenge too
    [4 (c/let-gen [lead (gen/choose 0 1000)
                   d1 (gen/choose 50 800)
                   d2 (gen/choose 50 1500)
                   p (c/frequency [[3 (gen/return "auto-inventory")] [1 (gen/return "auto-synchronize")]])]
         (forwarded-challenge lead d1 d2 {:session "$session" :purpose p} {:purpose "$purpose"}))]
    ;; withhold the validator's session key and hand the victim one the attacker made up, encrypted to the victim's
    ;; public key, bound to its challenge and signed with the attacker's key (or the validator's, once compromised):
    ;; once the victim signed its challenge (four hops after its request) and before the real key would arrive
    [4 (c/let-gen [d (gen/choose 0 400)
                   compromise? (c/frequency [[3 (gen/return false)] [1 (gen/return true)]])]
         {:steps [(at 0 {:op "drop" :match {:from "server" :to "$victim" :tag "ValidateJoinCloudSessionParameters"}
                         :count 1})
                  (after-hops 5 d {:op "inject" :to "$victim" :from "server"
                                   :message {:type "validate-join" :session "$session" :requester "$victim"
                                             :validator "$validator"
                                             :sign-with (if compromise? "$validator" "attacker")}})]
          :compromise (if compromise? [(at 0 {:device "$validator" :generation 0})] [])})]
    ;; the binding's own menu of forgeries
    [2 (c/let-gen [m (gen/elements forgery-menu) d c/delay-ms]
         {:steps [(at d {:op "inject" :to "$validator" :from "server" :message m})]})]
    ;; answer a manual join in a member's name, offering the attacker's key for the password (the answer carries no
    ;; authentication): it must reach the victim before the member's own answer, two hops after the request. The
    ;; move brings the manual join it answers (most anchors are automatic joins, which ask for no exchange key).
    [2 (c/let-gen [d (gen/choose 0 150)
                   session (gen/elements ["S1" "S2"])]
         {:actions [(at 0 {:device "$victim" :action "join" :args {:session session :password (passwords session)}})]
          :steps [(after-hops 1 d {:op "inject" :to "$victim" :from "server"
                                   :message {:type "give-exchange-key" :session session :claim "$validator"
                                             :key "attacker" :requester "$victim"}})]})]
    ;; end the victim's join with a refusal in its validator's name, somewhere between its request (one hop) and
    ;; the session key's arrival (six hops): ByteSync's refusals carry no authentication
    [9 forged-refusal]
    ;; answer the victim's challenge before the victim does (the challenge is on the wire from two hops after the
    ;; request; the victim's own answer reaches the validator at six), with a signature of the attacker's own: a
    ;; validator that spends the challenge before checking the answer then refuses the victim's as a replay
    [6 answer-first]
    ;; duplicate the victim's response (the second copy names a consumed challenge), sometimes holding the session
    ;; key back so that an answer to the copy could overtake it
    [5 (c/let-gen [hold? (c/frequency [[3 (gen/return true)] [1 (gen/return false)]])
                   by (gen/choose 200 2000)]
         {:steps (cond-> [(at 0 {:op "duplicate" :match response-to-validator :count 1 :after "10ms"})]
                   hold? (conj (at 0 {:op "delay" :match {:from "$validator" :to "server"
                                                          :tag "ValidateJoinCloudSessionParameters"}
                                      :count 1 :by (c/ms by)})))})]
    ;; relay the victim's response to another member of the session
    [1 (c/let-gen [d (gen/choose 0 200)]
         {:steps [(at d {:op "redirect" :match response-to-validator :count 1 :to "desktop"})]})]
    ;; the attacker's own registered device tries to join
    [1 (c/let-gen [d c/delay-ms s (gen/elements ["S1" "S2"])]
         {:steps [(at d {:op "register" :device "mallory" :action "auto-join"
                         :args {:session s :validator "$validator"}})]})]]))

(defn- plan [{:keys [forgery-menu ops]}]
  (c/frequency
   [[7 (c/let-gen [moves (gen/vector (c/tuple c/anchor (move forgery-menu)) 1 3)]
         {:strategy "scripted" :moves moves})]
    ;; one forgery alone, nothing withheld: the runs in which no-denial is judged (any drop, hold or alteration
    ;; beside it would put the run beyond the network attacker that property is stated against)
    [1 (c/let-gen [mv (c/tuple c/anchor (c/frequency [[1 answer-first] [1 forged-refusal]]))]
         {:strategy "scripted" :moves [mv]})]
    [1 (gen/return {:strategy "none" :moves []})]
    [1 (gen/fmap #(assoc % :moves []) (c/random-strategy ops))]]))

;; ---------------------------------------------------------------------------------------------------------------
;; Assembly

(defn- bindings-for
  "What the placeholders of a move anchored at `action` stand for."
  [topo action]
  (let [args (:args action)
        victim (if (#{"phone" "tablet"} (:device action)) (:device action) "phone")
        session (or (:session args) "S1")]
    {"$victim" victim
     "$purpose" (or (:purpose args) "auto-join")
     "$validator" (or (:validator args) (first (validators topo)))
     "$session" session
     "$other-session" (if (= session "S1") "S2" "S1")}))

(defn- device-entry [name role config clock online mailbox?]
  (cond-> {:name name :role role}
    (seq config) (assoc :config config)
    clock (assoc :clock clock)
    online (assoc :online online)
    mailbox? (assoc :mailbox true)))

(defn- timed
  "Writes numeric :at-ms and :restart-ms as the scenario's duration strings."
  [item]
  (cond-> (dissoc item :at-ms :restart-ms)
    (:at-ms item) (assoc :at (c/ms (:at-ms item)))
    (:restart-ms item) (assoc :restart (c/ms (:restart-ms item)))))

(defn- crash-entry [t {:keys [device restart-after]}]
  (cond-> {:device device :at-ms t}
    restart-after (assoc :restart-ms (+ t restart-after))))

(defn- expire-grants
  "The set-up with each grant a move lets run out (owner, trusted, :at-ms) expiring at that moment instead."
  [setup expiries]
  (reduce (fn [su {:keys [owner trusted at-ms]}]
            (update su :grants (fn [gs] (mapv #(if (and (= owner (:owner %)) (= trusted (:trusted %)))
                                                  (assoc % :expires (c/ms at-ms))
                                                  %)
                                               gs))))
          setup expiries))

(defn- assemble [{:keys [plan actions crashes topo s net clocks availability mailboxes quiesce?]}]
  (let [rsa (rsa? s)
        topo (if rsa base-topology topo)
        s (if rsa (rsa-settings s) s)
        widths {:window (+ (:ttl s) (:tolerance s)) :ttl (:ttl s) :tolerance (:tolerance s)}
        ;; under RSA only first-generation keys (see `settings`), and only the base topology's devices
        first-generation (if rsa (fn [^String x] (if (.contains x "@1") (str/replace x #"@1$" "@0") x)) identity)
        stand (stand-ins topo)
        ;; the move's bindings, then the stand-ins, then (under RSA) first-generation keys: one walk
        finish (fn [bindings item] (->> item (c/fill-both bindings stand first-generation)
                                        (c/resolve-edges widths)))
        times (mapv :at-ms actions)
        hop (hop-ms net)
        anchored (fn [k item] (c/resolve-at times {:anchor k :delay (+ (:delay item 0) (* hop (:hops item 0)))}))
        moves (for [[k mv] (:moves plan)
                    :let [b (bindings-for topo (nth actions (mod k (count actions))))
                          aim (fn [item] (finish b (-> item (assoc :at-ms (anchored k item)) (dissoc :delay :hops))))]]
                {:steps (mapv aim (:steps mv))
                 :compromise (mapv #(cond-> (aim %) rsa (assoc :generation 0)) (:compromise mv))
                 :crashes (mapv #(let [t (anchored k %)] (finish b (crash-entry t %))) (:crashes mv))
                 :actions (mapv aim (:actions mv))
                 :grant-expiry (mapv aim (:grant-expiry mv))})
        user-actions (->> (concat (map #(finish {} (select-keys % [:at-ms :device :action :args])) actions)
                                  (mapcat :actions moves))
                          (remove #(and rsa (= "rotate-key" (:action %))))
                          vec)
        crash-list (vec (concat (for [cr crashes]
                                  (finish {} (crash-entry (c/resolve-at times cr) cr)))
                                (mapcat :crashes moves)))
        steps (vec (for [st (mapcat :steps moves)
                         ;; only a device the scenario lets the attacker register can be registered
                         :when (or (not= "register" (:op st)) (:mallory topo))]
                     st))
        compromise (vec (mapcat :compromise moves))
        steps (c/honest-signers steps compromise (if (:mallory topo) #{"mallory"} #{}))
        last-ms (reduce max 0 (concat (map :at-ms user-actions) (map :at-ms steps) (map :at-ms compromise)
                                      (keep #(or (:restart-ms %) (:at-ms %)) crash-list)))
        quiesce (when quiesce? (c/quiesce last-ms))
        p (:offline-probability s)
        present (concat (requesters topo) (validators topo) ["server"])
        idx (zipmap honest-devices (range))
        validator-config {:challenge-ttl (c/ms (:ttl s)) :skew-tolerance (c/ms (:tolerance s))}
        devices (vec (concat
                      (for [d present
                            :let [i (idx d)
                                  role (cond (#{"phone" "tablet"} d) "requester"
                                             (= d "server") "server"
                                             :else "validator")
                                  config (case role
                                           "requester" (if (pos? (generation-of s d)) {:key-generation 1} {})
                                           "validator" validator-config
                                           {})]]
                        (device-entry d role config (c/clock-entry widths (nth clocks i))
                                      (when (not= d "server") (c/online (nth availability i) p))
                                      (nth mailboxes i)))
                      (when (:mallory topo)
                        [{:name "mallory" :role "requester" :attacker true}])))
        attacker (case (:strategy plan)
                   "scripted" (cond-> {:strategy "scripted"}
                                (seq steps) (assoc :steps (mapv timed steps))
                                (seq compromise) (assoc :compromise (mapv timed compromise)))
                   "none" {:strategy "none"}
                   "random" (select-keys plan [:strategy :random]))]
    {:scenario (cond-> {:keys {:seed (if rsa 0 (:key-seed s))}
                ;; long enough for held messages, timeouts and a satellite link's round trips after the last event
                :end (c/ms (max 120000 (+ last-ms c/quiesce-end-ms)))
                :devices devices
                :setup (expire-grants (setup topo s) (mapcat :grant-expiry moves))
                :network (c/partitioned net (vec present))
                :crashes (mapv timed crash-list)
                :actions (mapv timed user-actions)
                :attacker attacker}
                 quiesce (assoc :quiesce quiesce))
     :meta {:network (:name net)
            :profile (:profile s)
            :loss (get-in net [:spec :loss] 0.0)
            :offline-probability p}}))

(defn scenario
  "The campaign's generator of autojoin scenarios. `ctx` (from Java): {\"forgery-menu\" [...], \"ops\" [...]}: the
  binding's forgeries and every scripted attacker op of the simulator."
  [ctx]
  (let [ctx {:forgery-menu (vec (map #(into {} %) (get ctx "forgery-menu")))
             :ops (vec (get ctx "ops"))}]
    (gen/fmap assemble
              (c/hash-map-of :plan (plan ctx)
                            :quiesce? c/quiesce?
                            :actions actions
                            ;; mostly none: a crash anywhere usually ends the joins it hits, and moves add their own
                            :crashes (c/frequency [[4 (gen/return [])] [2 (c/fixed-vector crash 1)]
                                                     [1 (c/fixed-vector crash 2)]])
                            :topo topology
                            :s settings
                            :net c/network
                            :clocks (c/fixed-vector c/clock 5)
                            :availability (c/fixed-vector c/availability 5)
                            :mailboxes (c/fixed-vector (c/frequency [[3 (gen/return false)] [1 (gen/return true)]])
                                                       5)))))
