# Builds the production jar with the Maven wrapper, then runs it on a JRE as an unprivileged user.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
# The production profile puts Vaadin in production mode with its precompiled frontend bundle (no Node.js).
# The tests need MariaDB and Node.js, so CI runs them instead of the image build.
RUN ./mvnw -B -ntp -Pproduction -DskipTests package

FROM eclipse-temurin:25-jre
# /app is the user's home, so the demo profile can write its key file under /app/data.
RUN groupadd --system grantflow && useradd --system --gid grantflow --home-dir /app --create-home grantflow
WORKDIR /app
COPY --from=build /src/target/grantflow-*.jar /app/grantflow.jar
USER grantflow
EXPOSE 8080
# The heap takes 75% of the container's memory limit. An out-of-memory error ends the JVM, so the container
# stops and its restart policy starts a fresh one. JAVA_TOOL_OPTIONS adds further JVM options.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/grantflow.jar"]
