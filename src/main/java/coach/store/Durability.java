package coach.store;

/** Waits until what was committed so far is on disk ({@link Database#awaitDurable()}); nothing to wait for in tests. */
@FunctionalInterface
public interface Durability {
    Durability NONE = () -> {};

    void await();
}
