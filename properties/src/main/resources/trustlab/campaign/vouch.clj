(ns trustlab.campaign.vouch
  "Whole vouch scenarios for campaigns (Spacedrive's proxy pairing): a voucher (laptop), a vouchee (phone) paired
  with it directly (at time 0 or by the user-confirmed flow), receivers (desktop, optional tablet and tv) paired with
  the voucher, sometimes blocking it, lacking proxy pairing, or already holding a Proxied pairing (multi-hop bait),
  in either profile; network profiles, clocks skewed to the edges of vouch_signature_max_age, receivers offline for
  minutes, hours or past the queue's seven-day lifetime, voucher crashes with queued vouches, user decisions,
  unpairings while vouches are queued, and an attacker plan drawn from every op the simulator offers: replays to the
  same and to another target, stale vouches, forged vouches from unpaired or compromised devices, forged answers.
  Some moves aim at the vouch itself (not at a user action): a hardened vouch carried to a receiver it was not meant
  for, the target unpairing the voucher while the vouch is held back or dropped and replayed, the target offline
  around the vouch for minutes, hours or past the queue's seven days, the vouch forwarded with the vouchee's key
  swapped or re-dated, a target's signed no turned into a yes, the target's user unpairing or distrusting the voucher while its prompt is open, and the transport's unauthenticated
  notices forged (an acknowledgement for an offline target, presence notices that spend a queued vouch's retries)
  or another target's copy of the vouch relayed to a target whose own is queued. Nine runs in ten have a liveness
  phase after the last scheduled event, after which denial and disagreement are judged."
  (:require [clojure.string :as str]
            [clojure.test.check.generators :as gen]
            [trustlab.campaign.core :as c]))

(def tags ["ProxyPairingRequest" "ProxyPairingResponse" "ProxyPairingComplete" "PairingRequest" "PairingChallenge"
           "PairingConfirm" "Presence" "TransportAck" "Unpair" "ProxyPairingRevoked"])

;; The devices a scenario may have, in the order clocks, availability and mailboxes are drawn for.
(def all-devices ["laptop" "phone" "desktop" "tablet" "tv"])
(def receivers ["desktop" "tablet" "tv"])

(def minute 60000)
(def hour (* 60 minute))
(def day (* 24 hour))

;; vouch_signature_max_age and vouch_clock_skew_tolerance (the reference's defaults): the freshness window.
(def widths {:window 330000 :ttl 300000 :tolerance 30000})

;; ---------------------------------------------------------------------------------------------------------------
;; Topology and pairings

(def topology
  (c/hash-map-of :tablet gen/boolean
                :tv gen/boolean
                :mallory (c/frequency [[3 (gen/return false)] [1 (gen/return true)]])))

(defn- present-receivers [topo] (filterv #(or (= % "desktop") (get topo (keyword %))) receivers))

(defn- stand-ins [topo]
  (cond-> {}
    (not (:tablet topo)) (assoc "tablet" "desktop")
    (not (:tv topo)) (assoc "tv" "desktop")))

(def receiver-settings
  (c/hash-map-of
   :paired (c/frequency [[9 (gen/return true)] [1 (gen/return false)]])
   :view-of-voucher (c/frequency [[8 (gen/return nil)] [1 (gen/return "blocked")] [1 (gen/return "unreliable")]])
   :auto-accept (c/frequency [[3 (gen/return true)] [1 (gen/return false)]])
   :proxy-pairing (c/frequency [[9 (gen/return true)] [1 (gen/return false)]])))

(def settings
  (c/hash-map-of
   :profile (gen/elements ["spacedrive" "hardened"])
   :key-seed (gen/choose 0 3)
   :phone-paired (c/frequency [[3 (gen/return true)] [1 (gen/return false)]])
   :code-mismatch (c/frequency [[6 (gen/return false)] [1 (gen/return true)]])
   :auto-vouch-to-all (c/frequency [[5 (gen/return false)] [1 (gen/return true)]])
   :proxied-bait (c/frequency [[3 (gen/return false)] [1 (gen/return true)]])
   :receivers (c/fixed-vector receiver-settings 3)
   ;; at most c/max-offline-percent: availability draws no window above it
   :offline-probability (c/frequency [[3 (gen/return 0.0)] [1 (gen/return 0.1)]
                                      [1 (gen/return (/ c/max-offline-percent 100.0))]])
   ;; how long an offline receiver stays away: minutes, hours, or past the queue's seven days
   :absence (c/frequency [[6 (gen/choose minute (* 30 minute))] [3 (gen/choose hour (* 5 hour))]
                            [1 (gen/choose (* 7 day) (* 8 day))]])))

(defn- receiver-setting [s r] (nth (:receivers s) (.indexOf ^java.util.List receivers r)))

(defn- setup [topo s]
  (let [rs (present-receivers topo)]
    {:profile (:profile s)
     :pairings (vec (concat
                     (when (:phone-paired s) [{:a "laptop" :b "phone"}])
                     (for [r rs
                           :let [rc (receiver-setting s r)]
                           :when (:paired rc)]
                       (cond-> {:a r :b "laptop"}
                         (:view-of-voucher rc) (assoc :trust-a (:view-of-voucher rc))))
                     (when (and (:proxied-bait s) (:tv topo))
                       [{:a "desktop" :b "tv" :type "proxied" :voucher "laptop"}])))}))

;; ---------------------------------------------------------------------------------------------------------------
;; User actions: pairing first if the phone is new, then the vouch, then decisions and unpairings.

(def targets
  (c/frequency [[3 (gen/return "all")]
                  [4 (gen/fmap #(str/join "," %) (gen/not-empty (gen/set (gen/elements receivers))))]]))

(def later-action
  (gen/frequency
   [[3 (c/let-gen [r (gen/elements receivers) accept? gen/boolean]
         {:device r :action (if accept? "network.pair.proxy.accept" "network.pair.proxy.reject")
          :args {:vouchee "phone"}})]
    [2 (c/let-gen [r (gen/elements receivers)]
         {:device r :action "network.unpair" :args {:device "laptop"}})]
    [1 (gen/return {:device "phone" :action "network.unpair" :args {:device "laptop"}})]
    [1 (c/let-gen [r (gen/elements receivers)]
         {:device r :action "network.unpair" :args {:device "phone"}})]
    [1 (c/let-gen [r (gen/elements receivers) level (gen/elements ["blocked" "trusted" "unreliable"])]
         {:device r :action "network.device.trust" :args {:device "laptop" :level level}})]
    ;; the user distrusts the voucher while its vouch awaits an answer, then answers yes: the level must be judged
    ;; again at the answer
    [3 (c/let-gen [r (gen/elements receivers) level (gen/elements ["blocked" "unreliable"]) after (gen/choose 1 5000)]
         {:device r :action "network.device.trust" :args {:device "laptop" :level level}
          :then {:after-ms after :device r :action "network.pair.proxy.accept" :args {:vouchee "phone"}}})]
    ;; the user unpairs the voucher while its vouch awaits an answer, then answers yes: the pairings must be judged
    ;; again at the answer
    [2 (c/let-gen [r (gen/elements receivers) after (gen/choose 1 5000)]
         {:device r :action "network.unpair" :args {:device "laptop"}
          :then {:after-ms after :device r :action "network.pair.proxy.accept" :args {:vouchee "phone"}}})]
    ;; a device that knows the phone only through a vouch tries to vouch it on (multi-hop): to another receiver,
    ;; or back to the voucher (a Direct pairing of the receiver, so only the Proxied vouchee makes it a second hop)
    [3 (c/let-gen [r (gen/elements receivers) t (gen/elements (conj receivers "laptop"))]
         {:device r :action "network.pair.vouch" :args {:vouchee "phone" :targets t}})]
    [1 (c/let-gen [t targets]
         {:device "laptop" :action "network.pair.vouch" :args {:vouchee "phone" :targets t}})]]))

(def gap (c/frequency [[4 (gen/choose 0 30000)] [2 (gen/choose 30000 (* 10 minute))] [1 (gen/choose hour (* 2 hour))]]))

(def actions
  (c/let-gen [start (gen/choose 0 10000)
              confirm-after (gen/choose 2000 20000)
              vouch-after (gen/choose 1000 30000)
              t targets
              more (gen/vector (c/tuple later-action gap) 0 4)]
    {:start start :confirm-after confirm-after :vouch-after vouch-after :targets t :more more}))

(defn- action-list
  "Absolute user actions: the direct pairing (when the phone is new), the vouch, then the rest."
  [{:keys [start confirm-after vouch-after targets more]} s]
  (let [pairing (when-not (:phone-paired s)
                  [{:at-ms start :device "phone" :action "network.pair.request" :args {:device "laptop"}}
                   ;; the user compares the codes (no :code: the simulator reads the phone's screen) or types a
                   ;; wrong one; never a careless user (:compare false), who is outside the source's trust model
                   {:at-ms (+ start confirm-after) :device "laptop" :action "network.pair.confirm"
                    :args (cond-> {:device "phone"} (:code-mismatch s) (assoc :code "not-it"))}])
        vouch-at (+ start (if (:phone-paired s) 0 confirm-after) vouch-after)
        vouch {:at-ms vouch-at :device "laptop" :action "network.pair.vouch"
               :args {:vouchee "phone" :targets targets}}
        rest-times (reductions + vouch-at (map second more))]
    (vec (concat pairing
                 ;; with auto_vouch_to_all the voucher vouches on its own once the pairing is confirmed
                 (when-not (and (:auto-vouch-to-all s) (not (:phone-paired s))) [vouch])
                 (mapcat (fn [[a _] t]
                           ;; an action with :then brings a second one a little later (its :after-ms)
                           (let [then (:then a)]
                             (cond-> [(assoc (dissoc a :then) :at-ms t)]
                               then (conj (-> then (dissoc :after-ms) (assoc :at-ms (+ t (:after-ms then))))))))
                         more (rest rest-times))))))

(defn- vouch-time
  "When the voucher vouches: the user's network.pair.vouch, or (auto_vouch_to_all with a new phone) the
  confirmation of the direct pairing."
  [{:keys [start confirm-after vouch-after]} s]
  (+ start (if (:phone-paired s) 0 confirm-after)
     (if (and (:auto-vouch-to-all s) (not (:phone-paired s))) 0 vouch-after)))

(defn- picked-targets
  "The receivers the vouch action names (after stand-ins), all of them for \"all\"."
  [targets rs renames]
  (if (= targets "all")
    (set rs)
    (set (map #(get renames % %) (str/split targets #",")))))

(def crash
  (c/let-gen [device (gen/elements ["laptop" "desktop" "phone" "tablet"])
              k c/anchor
              d (c/frequency [[3 (gen/choose 0 5000)] [1 (gen/choose 5000 (* 10 minute))]])
              restart (c/frequency [[4 (gen/choose 1000 (* 5 minute))] [1 (gen/choose hour (* 3 hour))]
                                      [1 (gen/return nil)]])]
    {:anchor k :delay d :device device :restart-after restart}))

;; ---------------------------------------------------------------------------------------------------------------
;; Attack moves, aimed at the vouch they are anchored to: "$voucher" vouches "$vouchee" to "$target".

(def request-to-target {:from "$voucher" :to "$target" :tag "ProxyPairingRequest"})

(def any-match
  (c/let-gen [tag (gen/elements tags)
              from (gen/elements all-devices)
              to (gen/elements all-devices)
              side (gen/elements [:from :to :both :tag-only])]
    (case side
      :from {:from from :tag tag}
      :to {:to to :tag tag}
      :both {:from from :to to :tag tag}
      :tag-only {:tag tag})))

(defn- at [delay item] (assoc item :delay delay))

(defn- move [forgery-menu]
  (gen/frequency
   [[2 (c/let-gen [m any-match s (c/intercept m all-devices) d c/delay-ms]
         {:steps [(at d s)]})]
    ;; replay the vouch later, to the same target (after an unpairing) or to another one
    [4 (c/let-gen [to (gen/elements [nil "$other-target" "tablet" "tv"])
                   unpair? gen/boolean
                   d (gen/choose 1000 60000)]
         {:steps [(at (+ d 1000) (cond-> {:op "replay" :match request-to-target} to (assoc :to to)))]
          :actions (if unpair? [(at d {:device "$target" :action "network.unpair" :args {:device "$vouchee"}})] [])})]
    ;; hold the vouch across the edge of vouch_signature_max_age on the receiver's clock
    [3 (c/let-gen [by c/duration]
         {:steps [(at 0 {:op "delay" :match request-to-target :count 1 :by by})]})]
    ;; a forged vouch: in the voucher's name or the attacker's own, for the attacker or the vouchee, signed with
    ;; the attacker's key or a compromised voucher's
    [3 (c/let-gen [voucher (gen/elements ["$voucher" "mallory"])
                   vouchee (gen/elements ["attacker" "$vouchee" "mallory"])
                   sign (gen/elements ["attacker" "$voucher" "mallory"])
                   compromise? gen/boolean
                   age (c/frequency [[3 (gen/return nil)] [1 c/edge]])
                   d (gen/choose 0 20000)]
         {:steps [(at d (cond-> {:op "inject" :to "$target" :from voucher
                                 :message {:type "proxy-pairing-request" :voucher voucher :vouchee vouchee
                                           :target "$target" :sign-with sign}}
                          age (assoc-in [:message :age] age)))]
          :compromise (if compromise? [(at 0 {:device "$voucher" :generation 0})] [])})]
    ;; re-sign an observed vouch for another target with a compromised voucher key
    [2 (c/let-gen [d (gen/choose 1000 30000)]
         {:compromise [(at 0 {:device "$voucher" :generation 0})]
          :steps [(at d {:op "inject" :to "$other-target" :from "$voucher"
                         :message {:type "observed-request" :resign-for "$other-target"}})]})]
    ;; a forged answer to the voucher, a forged completion to the vouchee, a forged unpairing or presence
    [2 (c/let-gen [accepted gen/boolean d (gen/choose 0 20000)]
         {:steps [(at d {:op "inject" :to "$voucher" :from "$target"
                         :message {:type "proxy-pairing-response" :from "$target" :accepted accepted}})]})]
    [1 (c/let-gen [d (gen/choose 0 20000)]
         {:steps [(at d {:op "inject" :to "$vouchee" :from "$voucher"
                         :message {:type "proxy-pairing-complete" :vouchee "$vouchee" :voucher "$voucher"
                                   :accepted ["$target"]}})]})]
    [1 (c/let-gen [d (gen/choose 0 20000) presence? gen/boolean]
         {:steps [(at d (if presence?
                          {:op "inject" :to "$voucher" :from "$target" :message {:type "presence" :device "$target"}}
                          {:op "inject" :to "$target" :from "$voucher"
                           :message {:type "unpair" :device "$voucher" :peer "$target"}}))]})]
    ;; a proxied device's keys in the attacker's hands: it vouches on (multi-hop)
    [1 (c/let-gen [d (gen/choose 0 20000)]
         {:compromise [(at 0 {:device "desktop" :generation 0})]
          :steps [(at d {:op "inject" :to "tv" :from "desktop"
                         :message {:type "proxy-pairing-request" :voucher "desktop" :vouchee "$vouchee"
                                   :target "tv" :sign-with "desktop"}})]})]
    ;; the voucher crashes while vouches are queued
    [2 (c/let-gen [d (gen/choose 1000 (* 5 minute)) down (gen/choose 1000 (* 20 minute))]
         {:crashes [(at d {:device "$voucher" :restart-after down})]})]
    [2 (c/let-gen [m (gen/elements forgery-menu) d c/delay-ms]
         {:steps [(at d {:op "inject" :to "$target" :from "$voucher" :message m})]})]
    [1 (c/let-gen [d c/delay-ms]
         {:steps [(at d {:op "register" :device "mallory"})]})]]))

(def liveness-move
  "Moves on the delivery of a vouch that completes without the attacker, using only what a network attacker does
  (forge from what it saw, relay): what the liveness phase's no-denial judges."
  (gen/frequency
   [; the target is offline when the vouch is sent and the attacker acknowledges the request in its name (the hash
    ;; of what it saw on the wire): only a signed acknowledgement keeps the vouch queued rather than unanswered
    [1 (c/let-gen [d (gen/choose 60 4000)
                   len (gen/choose (* 2 minute) (* 30 minute))]
         {:willing true
          :offline [(at -1000 {:device "$target" :len len})]
          :steps [(at d {:op "inject" :to "$voucher" :from "$target"
                         :message {:type "transport-ack" :sent-to "$target"}})]})]
    ;; the target is offline and the attacker keeps telling the voucher, in its name, that it is online: each
    ;; unacknowledged delivery spends one of the queued vouch's retries (five), unless presence notices are signed
    [1 (c/let-gen [first-at (gen/choose 6000 20000)
                   gaps (gen/vector (gen/choose 16000 25000) 5 7)
                   len (gen/choose (* 4 minute) (* 30 minute))]
         {:willing true
          :offline [(at -1000 {:device "$target" :len len})]
          :steps (vec (for [t (reductions + first-at gaps)]
                        (at t {:op "inject" :to "$voucher" :from "$target"
                               :message {:type "presence" :device "$target" :recipient "$voucher"}})))})]
    ;; the target is offline for a few seconds so its vouch is queued, and right after it returns (before the queue
    ;; worker's next poll) the attacker relays another target's copy of the vouch to it: a payload that does not name
    ;; the target verifies there, is refused for its keys, and the signed No for the session ends the queued vouch
    [1 (c/let-gen [len (gen/choose 3000 12000)
                   after (gen/choose 100 3000)]
         {:willing true
          :offline [(at -1000 {:device "$target" :len len})]
          :steps [(at (+ len after -1000) {:op "replay" :match {:from "$voucher" :to "$other-target"
                                                               :tag "ProxyPairingRequest"}
                                           :to "$target"})]})]]))

;; Moves aimed at the moment the voucher vouches (not at an action: with a new phone the first actions are the direct
;; pairing's), for the corners that need the vouch itself in flight or queued.

(def vouch-move
  (gen/frequency
   [;; a hardened vouch carried to a device that trusts the same voucher but was not its target: replayed while
    ;; still fresh, or redirected on its way (only a payload that names the target stops it; the spacedrive payload
    ;; names none, so the move runs in the hardened profile)
    [3 (c/let-gen [d (gen/choose 1000 60000) redirect? gen/boolean]
         {:spare true
          :profile "hardened"
          :steps [(if redirect?
                    (at 0 {:op "redirect" :match request-to-target :count 1 :to "$other-target"})
                    (at d {:op "replay" :match request-to-target :to "$other-target"}))]})]
    ;; the target unpairs the voucher while the vouch is in flight (held back by the attacker, or dropped and
    ;; replayed later while still fresh): it must not be accepted on the word of a device no longer paired
    [3 (c/let-gen [d (gen/choose 200 4000) later (gen/choose 500 30000) hold? gen/boolean]
         {:willing true
          :steps (if hold?
                   [(at 0 {:op "delay" :match request-to-target :count 1 :by (c/ms (+ d later))})]
                   [(at 0 {:op "drop" :match request-to-target :count 1})
                    (at (+ d later) {:op "replay" :match request-to-target})])
          :actions [(at d {:device "$target" :action "network.unpair" :args {:device "$voucher"}})]})]
    ;; the vouch held to an edge of the freshness window (vouch_signature_max_age, with or without the skew
    ;; tolerance) on its way to a target that would accept it: the freshness check alone decides
    [2 (c/let-gen [by c/edge]
         {:willing true
          :steps [(at 0 {:op "delay" :match request-to-target :count 1 :by by})]})]
    ;; the vouchee unpairs the voucher right as the vouch is sent (the request perhaps held back until the unpairing
    ;; has arrived, on the slowest network): the voucher withdraws a vouch already on its way, which the target may
    ;; accept before it can know; it must then flag that pairing once the voucher's ProxyPairingRevoked reaches it
    [3 (c/let-gen [d (gen/choose 0 20) hold (gen/choose 0 5000)]
         {:willing true
          :steps [(at 0 {:op "delay" :match request-to-target :count 1 :by (c/ms hold)})]
          :actions [(at d {:device "$vouchee" :action "network.unpair" :args {:device "$voucher"}})]})]
    ;; the vouch taken off the wire and forwarded altered under the voucher's own signature: the vouchee's key
    ;; swapped for the attacker's, or re-dated to the moment it is forwarded (a second later, or once it is stale);
    ;; only a signature that covers the field stops the copy. Each alteration is a move of its own: the key swap is
    ;; the only way a network attacker substitutes the vouchee's key (a user who compares codes refuses a pairing
    ;; whose key was swapped), so it must not be rare.
    [3 (c/let-gen [d (c/frequency [[3 (gen/choose 1 3000)] [1 (gen/choose 300000 900000)]])]
         {:willing true
          :steps [(at 0 {:op "drop" :match request-to-target :count 1})
                  (at d {:op "inject" :to "$target" :from "$voucher"
                         :message {:type "observed-request" :sent-to "$target" :vouchee-key "attacker"}})]})]
    [3 (c/let-gen [d (c/frequency [[3 (gen/choose 1 3000)] [1 (gen/choose 300000 900000)]])]
         {:willing true
          :steps [(at 0 {:op "drop" :match request-to-target :count 1})
                  (at d {:op "inject" :to "$target" :from "$voucher"
                         :message {:type "observed-request" :sent-to "$target" :redate true}})]})]
    ;; the target's user is asked about the vouch (the move makes it ask) and, while the prompt is open, unpairs the
    ;; voucher or marks it blocked or unreliable, then answers yes: what was checked on receipt must be checked
    ;; again at the answer
    [3 (c/let-gen [d (gen/choose 200 10000)
                   e (gen/choose 1 5000)
                   what (c/frequency [[2 (gen/return "unpair")] [1 (gen/return "blocked")]
                                      [1 (gen/return "unreliable")]])]
         {:manual true
          :willing true
          :actions [(at d (if (= what "unpair")
                            {:device "$target" :action "network.unpair" :args {:device "$voucher"}}
                            {:device "$target" :action "network.device.trust" :args {:device "$voucher" :level what}}))
                    (at (+ d e) {:device "$target" :action "network.pair.proxy.accept" :args {:vouchee "$vouchee"}})]})]
    ;; the target's user says no (the move makes it ask) and the attacker turns the signed answer into a yes on its
    ;; way back: only a signature that covers the verdict stops it
    [3 (c/let-gen [d (gen/choose 300 10000) e (gen/choose 1 3000)]
         {:manual true
          :willing true
          :actions [(at d {:device "$target" :action "network.pair.proxy.reject" :args {:vouchee "$vouchee"}})]
          :steps [(at (- d 100) {:op "drop" :match {:from "$target" :to "$voucher" :tag "ProxyPairingResponse"}
                                 :count 1})
                  (at (+ d e) {:op "inject" :to "$voucher" :from "$target"
                               :message {:type "observed-response" :sent-by "$target" :accepted true}})]})]
    ;; the transport's notices forged, or another target's copy relayed (see liveness-move)
    [3 liveness-move]
    ;; the target drops off the network around the vouch, for minutes, hours or past the queue's seven days, with no
    ;; mailbox to hold the vouch for it (the voucher's queue must deliver it, or drop it at expiry); in one run in two
    ;; the voucher crashes (and restarts) once the vouch is queued (the acknowledgement timeout, 5 s, has
    ;; passed): only a queue kept on disk survives
    [2 (c/let-gen [d (gen/choose -5000 1000)
                   len (c/frequency [[2 (gen/choose minute (* 30 minute))] [1 (gen/choose hour (* 3 hour))]
                                       [2 (gen/choose (* 7 day) (* 8 day))]])
                   crash? gen/boolean
                   crash-at (gen/choose 8000 50000)
                   down (gen/choose 1000 (* 5 minute))]
         {:offline [(at d {:device "$target" :len len})]
          :no-mailbox true
          :crashes (if crash? [(at crash-at {:device "$voucher" :restart-after down})] [])})]]))

(defn- plan [{:keys [forgery-menu ops]}]
  (gen/frequency
   [[6 (c/let-gen [moves (gen/vector (c/tuple c/anchor (gen/elements receivers) (move forgery-menu)) 1 3)
                   ;; one or two moves aimed at the vouch itself: the corners the source's checks guard are there
                   at-vouch (gen/vector (c/tuple (gen/return :vouch) (gen/elements receivers) vouch-move) 1 2)]
         {:strategy "scripted" :moves (vec (concat moves at-vouch))})]
    ;; one move aimed at the vouch alone, in a calm world (see assemble): a second move (another hold, drop or
    ;; absence), a lost message, a crash or a clock far off would most often take the vouch out of the corner the
    ;; move aims at before the check that guards it is reached
    [3 (c/let-gen [target (gen/elements receivers) mv vouch-move]
         {:strategy "scripted" :moves [[:vouch target mv]] :calm true})]
    ;; a liveness move alone, so that no other move (a drop, a delay, a stolen key) puts the run outside what
    ;; no-denial is stated against
    [2 (c/let-gen [target (gen/elements receivers) mv liveness-move
                   ;; mostly the profile that claims no denial, whose refusals the mutants weaken
                   profile (c/frequency [[3 (gen/return "hardened")] [1 (gen/return "spacedrive")]])]
         {:strategy "scripted" :moves [[:vouch target mv]] :calm true :profile profile})]
    [1 (gen/return {:strategy "none" :moves []})]
    [1 (gen/fmap #(assoc % :moves []) (c/random-strategy ops))]]))

;; ---------------------------------------------------------------------------------------------------------------
;; Assembly

(defn- timed [item]
  (cond-> (dissoc item :at-ms :restart-ms)
    (:at-ms item) (assoc :at (c/ms (:at-ms item)))
    (:restart-ms item) (assoc :restart (c/ms (:restart-ms item)))))

(defn- crash-entry [t {:keys [device restart-after]}]
  (cond-> {:device device :at-ms t}
    restart-after (assoc :restart-ms (+ t restart-after))))

(defn- tame
  "A clock unless it is minutes to an hour off (beyond every window, so no vouch it judges or dates is fresh): an
  exact one then. A clock at a window's edge stays: the freshness checks live there."
  [c]
  (when-not (and c (number? (:offset c)) (> (:offset c) 5000)) c))

(defn- assemble [{:keys [plan actions crashes topo s net clocks availability mailboxes quiesce?]}]
  (let [rs (present-receivers topo)
        ;; a move alone runs in a calm world: a network that loses nothing at random and does not split (an extra
        ;; message the attack prompts shifts the link's later losses, and a run whose losses differ from its twin's
        ;; is not judged for denial), no crash but the move's own, no device away but for the move, no clock
        ;; minutes off, and a direct pairing the user confirms with the right code, so that the vouch the move aims
        ;; at is sent and reaches the check the move tests
        calm (:calm plan)
        net (cond-> net calm (-> (assoc-in [:spec :loss] 0.0) (assoc :split nil)))
        crashes (if calm [] crashes)
        clocks (if calm (mapv tame clocks) clocks)
        s (cond-> s calm (assoc :code-mismatch false :offline-probability 0.0))
        renames (stand-ins topo)
        ;; a move that carries the vouch to a device it was not meant for needs such a device: the user then
        ;; vouches to the move's target alone (a copy to a device that got its own vouch is refused as a replay)
        spare (first (for [[k target mv] (:moves plan)
                           :when (and (= k :vouch) (:spare mv) (> (count rs) 1))]
                       (let [t (get renames target target)] (if (some #{t} rs) t (first rs)))))
        ;; a plan or a move aimed at the vouch may need one profile
        profile (or (:profile plan) (some :profile (for [[k _ mv] (:moves plan) :when (= k :vouch)] mv)))
        s (cond-> s
            spare (assoc :auto-vouch-to-all false)
            profile (assoc :profile profile))
        actions (cond-> actions spare (assoc :targets spare))
        user (action-list actions s)
        times (mapv :at-ms user)
        vouch-ms (vouch-time actions s)
        picked (picked-targets (:targets actions) rs renames)
        ;; a move on the delivery of a vouch that would complete, or on the target's decision, needs a target that
        ;; would accept it: paired, trusting the voucher, with proxy pairing and auto-accept unless the move makes it
        ;; ask (else the vouch fails with or without the attacker, and the check the move aims at is never reached)
        willing (set (for [[k target mv] (:moves plan) :when (and (= k :vouch) (:willing mv))
                           :let [target (get renames target target)]]
                       (if (and (not (picked target)) (seq picked)) (first (sort picked)) target)))
        s (update s :receivers (fn [rcs] (vec (map-indexed
                                               (fn [i rc] (if (willing (nth receivers i))
                                                            {:paired true :view-of-voucher nil :auto-accept true
                                                             :proxy-pairing true}
                                                            rc))
                                               rcs))))
        anchored (fn [k item] (if (= k :vouch)
                                (max 0 (+ vouch-ms (:delay item 0)))
                                (c/resolve-at times {:anchor k :delay (:delay item 0)})))
        finish (fn [bindings item]
                 (->> item (c/fill-both bindings renames) (c/resolve-edges widths)))
        moves (for [[k target mv] (:moves plan)
                    :let [target (get renames target target)
                          ;; a move aimed at the vouch aims at a device the vouch goes to
                          target (if (and (= k :vouch) (not (picked target)) (seq picked))
                                   (first (sort picked))
                                   target)
                          ;; preferably a receiver the vouch was not meant for: one that was would refuse the
                          ;; copy as a replay of its own
                          ;; (and one that would accept it, were it meant for it, so that only the check of
                          ;; the signed target id stands in the way)
                          willing (fn [r] (let [rc (receiver-setting s r)]
                                            (and (:paired rc) (nil? (:view-of-voucher rc)) (:proxy-pairing rc))))
                          others (remove (conj picked target) rs)
                          b {"$voucher" "laptop" "$vouchee" "phone" "$target" target
                             "$other-target" (or (first (filter willing others)) (first others)
                                                 (first (remove #{target} rs)) target)}
                          aim (fn [item] (finish b (-> item (assoc :at-ms (anchored k item)) (dissoc :delay))))]]
                {:manual (when (:manual mv) target)
                 :no-mailbox (when (:no-mailbox mv) target)
                 :steps (mapv aim (:steps mv))
                 :compromise (mapv aim (:compromise mv))
                 :crashes (mapv #(finish b (crash-entry (anchored k %) %)) (:crashes mv))
                 :actions (mapv aim (:actions mv))
                 :offline (mapv aim (:offline mv))})
        steps (vec (for [st (mapcat :steps moves)
                         ;; mallory exists only in some topologies; the attacker's own name always does
                         :when (or (:mallory topo)
                                   (not (c/mentions? "mallory" st)))]
                     st))
        compromise (vec (mapcat :compromise moves))
        ;; receivers a move needs to ask their user rather than accept on their own
        manual (set (keep :manual moves))
        no-mailbox (set (keep :no-mailbox moves))
        steps (c/honest-signers steps compromise (if (:mallory topo) #{"mallory"} #{}))
        user-actions (vec (concat (map #(finish {} %) user) (mapcat :actions moves)))
        crash-list (vec (concat (for [cr crashes] (finish {} (crash-entry (c/resolve-at times cr) cr)))
                                (mapcat :crashes moves)))
        p (:offline-probability s)
        ;; a move's absence of a device replaces the one its availability draw gave it (the last move wins)
        absences (into {} (for [o (mapcat :offline moves)] [(:device o) o]))
        onlines (for [[i d] (map-indexed vector all-devices)]
                  (if-let [o (get absences d)]
                    (let [t (max 1 (:at-ms o))]
                      [{:from "0ms" :to (c/ms t)} {:from (c/ms (+ t (:len o)))}])
                    (when (#{"desktop" "tablet" "tv"} d)
                      (c/online (assoc (nth availability i) :len (:absence s)) p))))
        last-ms (reduce max 0 (concat (map :at-ms user-actions) (map :at-ms steps) (map :at-ms compromise)
                                      (keep #(or (:restart-ms %) (:at-ms %)) crash-list)
                                      ;; the absence an availability draw gave a device (a move's is counted below)
                                      (for [[i d] (map-indexed vector all-devices)
                                            :when (and (nth onlines i) (not (get absences d)))]
                                        (+ (:from (nth availability i)) (:absence s)))
                                      (for [o (vals absences)] (+ (:at-ms o) (:len o)))))
        ;; observe the run past the queue's delivery grace, so queue liveness can be judged (the trace has no
        ;; end-of-run event; a late, harmless user action is the evidence)
        observe-ms (+ last-ms (* 70 minute))
        user-actions (conj user-actions {:at-ms observe-ms :device "laptop" :action "network.device.trust"
                                         :args {:device "phone" :level "trusted"}})
        devices (vec (concat
                      (for [[i d] (map-indexed vector all-devices)
                            :when (or (#{"laptop" "phone"} d) (some #{d} rs))
                            :let [rc (when (some #{d} receivers) (receiver-setting s d))
                                  config (cond-> {}
                                           (and rc (or (not (:auto-accept rc)) (manual d)))
                                           (assoc :auto_accept_vouched false)
                                           (and rc (not (:proxy-pairing rc))) (assoc :proxy_pairing false)
                                           (and (= d "laptop") (:auto-vouch-to-all s)) (assoc :auto_vouch_to_all true))
                                  clock (c/clock-entry widths (nth clocks i))
                                  online (nth onlines i)]]
                        (cond-> {:name d :role (cond (= d "laptop") "voucher" (= d "phone") "vouchee" :else "receiver")}
                          (seq config) (assoc :config config)
                          clock (assoc :clock clock)
                          online (assoc :online online)
                          (and (nth mailboxes i) (not (no-mailbox d))) (assoc :mailbox true)))
                      (when (:mallory topo) [{:name "mallory" :role "device" :attacker true}])))
        attacker (case (:strategy plan)
                   "scripted" (cond-> {:strategy "scripted"}
                                (seq steps) (assoc :steps (mapv timed steps))
                                (seq compromise) (assoc :compromise (mapv timed compromise)))
                   "none" {:strategy "none"}
                   "random" (select-keys plan [:strategy :random]))]
    {:scenario (cond-> {:keys {:seed (:key-seed s)}
                :end (c/ms (+ observe-ms minute))
                :devices devices
                :setup (setup topo s)
                :network (c/partitioned net (mapv :name devices))
                :crashes (mapv timed crash-list)
                :actions (mapv timed user-actions)
                :attacker attacker}
               ;; the liveness phase starts 10 s after the last scheduled event (the queue's absences included), long
               ;; before the run ends for queue liveness
               quiesce? (assoc :quiesce (c/quiesce last-ms)))
     :meta {:network (:name net)
            :profile (:profile s)
            :loss (get-in net [:spec :loss] 0.0)
            :offline-probability p}}))

(defn scenario
  "The campaign's generator of vouch scenarios. `ctx` (from Java): {\"forgery-menu\" [...], \"ops\" [...]}."
  [ctx]
  (let [ctx {:forgery-menu (vec (map #(into {} %) (get ctx "forgery-menu")))
             :ops (vec (get ctx "ops"))}]
    (gen/fmap assemble
              (c/hash-map-of :plan (plan ctx)
                            :actions actions
                            :crashes (gen/vector crash 0 2)
                            :topo topology
                            :s settings
                            :net c/network
                            :clocks (c/fixed-vector c/clock 5)
                            :availability (c/fixed-vector c/availability 5)
                            :quiesce? c/quiesce?
                            :mailboxes (c/fixed-vector (c/frequency [[3 (gen/return false)] [1 (gen/return true)]])
                                                       5)))))
