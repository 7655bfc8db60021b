-- A counter that moves on with every committed change to the registry (homes, children, their key places and
-- avoid zones). Instances cache what they build from the registry (the homes map data, the shortlist's homes and
-- residents) under the counter's value and rebuild when it has moved, whichever instance made the change.

CREATE TABLE registry_change (
    id      smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO registry_change (id, version) VALUES (1, 1);

-- Bumps once per transaction, at commit (deferred), so the row lock is held only for the last moment of a
-- transaction and a reader never sees a new counter value before the change it stands for.
CREATE FUNCTION bump_registry_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'TRUNCATE' AND current_setting('rcc.registry_bumped', true) = txid_current()::text THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('rcc.registry_bumped', txid_current()::text, true);
    UPDATE registry_change SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER home_changes_registry AFTER INSERT OR UPDATE OR DELETE ON home
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_registry_change();
CREATE CONSTRAINT TRIGGER child_changes_registry AFTER INSERT OR UPDATE OR DELETE ON child
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_registry_change();
CREATE CONSTRAINT TRIGGER key_place_changes_registry AFTER INSERT OR UPDATE OR DELETE ON key_place
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_registry_change();
CREATE CONSTRAINT TRIGGER avoid_zone_changes_registry AFTER INSERT OR UPDATE OR DELETE ON avoid_zone
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_registry_change();
CREATE CONSTRAINT TRIGGER cooperative_changes_registry AFTER INSERT OR UPDATE OR DELETE ON cooperative
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_registry_change();

CREATE TRIGGER home_truncated AFTER TRUNCATE ON home FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_change();
CREATE TRIGGER child_truncated AFTER TRUNCATE ON child FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_change();
CREATE TRIGGER cooperative_truncated AFTER TRUNCATE ON cooperative
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_change();
